using BorderAlertBot.Abstractions;
using BorderAlertBot.Testing.Contracts;

namespace BorderAlertBot.Store.Sqlite.Tests;

/// <summary>The source-state contract against a real SQLite file.</summary>
public sealed class SqliteSourceStateStoreTests : SourceStateStoreContract, IDisposable
{
    private readonly SqliteStoreFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    protected override Task<ISourceStateStore> CreateSourceStateStoreAsync() =>
        Task.FromResult<ISourceStateStore>(new SqliteSourceStateStore(_fixture.Database(_fixture.NewPath())));
}
