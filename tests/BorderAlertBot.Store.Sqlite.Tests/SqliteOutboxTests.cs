using BorderAlertBot.Testing.Contracts;

namespace BorderAlertBot.Store.Sqlite.Tests;

/// <inheritdoc cref="SqliteEventStoreTests"/>
public sealed class SqliteOutboxTests : OutboxContract, IDisposable
{
    private readonly SqliteStoreFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    protected override Task<StoreUnderTest> CreateStoreAsync() => Task.FromResult(_fixture.Open(_fixture.NewPath()));
}
