using System.Runtime.InteropServices;
using BorderAlertBot.Testing.Builders;
using BorderAlertBot.Testing.Contracts;
using Microsoft.Data.Sqlite;

namespace BorderAlertBot.Store.Sqlite.Tests;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly SqliteStoreFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task The_first_use_creates_the_folder_and_file_in_wal_mode()
    {
        var path = _fixture.NewPath();
        var database = _fixture.Database(path);

        await database.EnsureMigratedAsync(CancellationToken.None);

        Assert.True(File.Exists(path));
        await using var connection = await database.OpenAsync(CancellationToken.None);
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode;"));
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT COUNT(*) FROM schema_migrations WHERE name = '0001_events';"));
    }

    [Fact]
    public async Task A_new_store_has_8_KB_pages_and_a_store_made_with_4_KB_pages_keeps_them_and_works()
    {
        // Arrange: a store as earlier releases created it, in WAL mode with SQLite's default 4 KB pages.
        var older = _fixture.NewPath();
        Directory.CreateDirectory(Path.GetDirectoryName(older)!);
        await using (var connection = new SqliteConnection($"Data Source={older};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; CREATE TABLE made_before (id INTEGER);";
            await command.ExecuteNonQueryAsync();
        }

        var newer = _fixture.NewPath();

        // Act
        var olderStore = _fixture.Open(older);
        var stored = new EventBuilder().Build() with { Revision = new Domain.RevisionInfo(1, _fixture.Time.GetUtcNow(), "curator", ["created"]) };
        await olderStore.Events.WriteAsync([new Storage.EventWrite(stored, Serialization.EventDocument.Fingerprint(stored))], CancellationToken.None);
        await _fixture.Database(newer).EnsureMigratedAsync(CancellationToken.None);

        // Assert
        await using var olderConnection = await _fixture.Database(older).OpenAsync(CancellationToken.None);
        Assert.Equal(4096L, await ScalarAsync(olderConnection, "PRAGMA page_size;"));
        Assert.NotNull(await olderStore.Events.TryGetAsync(stored.Id, CancellationToken.None));
        await using var newerConnection = await _fixture.Database(newer).OpenAsync(CancellationToken.None);
        Assert.Equal(8192L, await ScalarAsync(newerConnection, "PRAGMA page_size;"));
        Assert.Equal("wal", await ScalarAsync(newerConnection, "PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task The_store_s_connections_take_no_lock_on_every_call_to_SQLite()
    {
        var database = _fixture.Database(_fixture.NewPath());

        await using var connection = await database.OpenAsync(CancellationToken.None);

        // In SQLite's multi-thread mode a connection has no mutex; in its default, serialized mode every call takes one.
        Assert.Equal(0, sqlite3_db_mutex(connection.Handle!.DangerousGetHandle()));
    }

    [Fact]
    public async Task Reopening_a_database_keeps_its_events_and_applies_no_migration_twice()
    {
        // Arrange
        var path = _fixture.NewPath();
        var first = _fixture.Open(path);
        var stored = new EventBuilder().Build() with { Revision = new Domain.RevisionInfo(1, _fixture.Time.GetUtcNow(), "curator", ["created"]) };
        await first.Events.WriteAsync([new Storage.EventWrite(stored, Serialization.EventDocument.Fingerprint(stored))], CancellationToken.None);
        await first.Cursors.SetAsync("console-alerts", 1, CancellationToken.None);

        long migrationsAfterFirstOpen;
        await using (var connection = await _fixture.Database(path).OpenAsync(CancellationToken.None))
        {
            migrationsAfterFirstOpen = (long)(await ScalarAsync(connection, "SELECT COUNT(*) FROM schema_migrations;"))!;
        }

        // Act
        var second = _fixture.Open(path);

        // Assert
        Assert.NotNull(await second.Events.TryGetAsync(stored.Id, CancellationToken.None));
        Assert.Equal(1, await second.Cursors.GetAsync("console-alerts", CancellationToken.None));
        await using var reopened = await _fixture.Database(path).OpenAsync(CancellationToken.None);
        Assert.Equal(migrationsAfterFirstOpen, await ScalarAsync(reopened, "SELECT COUNT(*) FROM schema_migrations;"));
        Assert.True(migrationsAfterFirstOpen >= 2);
    }

    [Fact]
    public async Task Text_is_stored_as_written_empty_as_empty_missing_as_null_and_non_ascii_whole()
    {
        // Arrange: the columns an event write binds from text, one empty, one missing, one not ASCII.
        var path = _fixture.NewPath();
        var store = _fixture.Open(path);
        var built = new EventBuilder()
            .WithTitle("Clash at Laukkai (老街) — “heavy” fighting")
            .At(new Domain.Location("MM", "Shan-North", "", null, "Lǎojiē 老街", null, Domain.LocationPrecision.Near))
            .Build();
        var written = built with { Revision = new Domain.RevisionInfo(1, _fixture.Time.GetUtcNow(), "curator", ["created"]) };

        // Act
        await store.Events.WriteAsync([new Storage.EventWrite(written, Serialization.EventDocument.Fingerprint(written))], CancellationToken.None);

        // Assert
        await using var connection = await _fixture.Database(path).OpenAsync(CancellationToken.None);
        Assert.Equal("Shan-North||NULL|Lǎojiē 老街", await ScalarAsync(connection,
            "SELECT admin1 || '|' || admin2 || '|' || COALESCE(admin3, 'NULL') || '|' || place FROM events;"));
        Assert.Equal(written.Title, (await store.Events.TryGetAsync(written.Id, CancellationToken.None))!.Title);
        Assert.Equal([written.Id], (await store.Queries.SearchAsync("老街", Storage.EventFilter.Everything, 10, CancellationToken.None)).Select(found => found.Id));
    }

    [Fact]
    public async Task Readers_keep_the_default_page_cache_after_writes_however_the_pool_hands_out_connections()
    {
        // Arrange: writes through the queue, whose connections carry a 32 MB page cache.
        var path = _fixture.NewPath();
        var store = _fixture.Open(path);
        var stored = new EventBuilder().Build() with { Revision = new Domain.RevisionInfo(1, _fixture.Time.GetUtcNow(), "curator", ["created"]) };
        await store.Events.WriteAsync([new Storage.EventWrite(stored, Serialization.EventDocument.Fingerprint(stored))], CancellationToken.None);
        var database = _fixture.Database(path); // The same file, so the same pools.

        // Act: as many readers at once as a digest run's parallel composition opens.
        var readers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => database.OpenAsync(CancellationToken.None)));
        var caches = new List<object?>();
        foreach (var reader in readers)
        {
            caches.Add(await ScalarAsync(reader, "PRAGMA cache_size;"));
            await reader.DisposeAsync();
        }

        // Assert: SQLite's default (2 MB), not the writer's 32 MB on every pooled connection a write once used.
        Assert.All(caches, cache => Assert.Equal(-2000L, cache));
    }

    [Fact]
    public async Task A_commit_wakes_change_feed_readers_in_this_process()
    {
        var store = _fixture.Open(_fixture.NewPath());
        var seen = _fixture.Signal.Version;
        var waiting = _fixture.Signal.WaitAsync(seen, TimeSpan.FromHours(1), CancellationToken.None);

        var stored = new EventBuilder().Build() with { Revision = new Domain.RevisionInfo(1, _fixture.Time.GetUtcNow(), "curator", ["created"]) };
        await store.Events.WriteAsync([new Storage.EventWrite(stored, Serialization.EventDocument.Fingerprint(stored))], CancellationToken.None);

        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.NotEqual(seen, _fixture.Signal.Version);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    [DllImport("e_sqlite3")]
    private static extern nint sqlite3_db_mutex(nint db);
}
