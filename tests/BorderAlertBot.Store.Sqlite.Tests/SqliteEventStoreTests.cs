using BorderAlertBot.Testing.Contracts;

namespace BorderAlertBot.Store.Sqlite.Tests;

/// <summary>The store contracts against real SQLite files, one fresh file per store a test asks for.</summary>
public sealed class SqliteEventStoreTests : EventStoreContract, IDisposable
{
    private readonly SqliteStoreFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    protected override Task<StoreUnderTest> CreateStoreAsync() => Task.FromResult(_fixture.Open(_fixture.NewPath()));
}
