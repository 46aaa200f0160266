using BorderAlertBot.Abstractions;
using BorderAlertBot.Domain;
using BorderAlertBot.Serialization;
using BorderAlertBot.Storage;
using BorderAlertBot.Testing.Builders;
using Microsoft.Data.Sqlite;

namespace BorderAlertBot.Store.Sqlite.Tests;

/// <summary>
/// The search index lives in a file of its own, written on a thread of its own after each write commits: whatever happens
/// between the two, a search finds exactly the events the store holds, as they are now.
/// </summary>
public sealed class SqliteSearchIndexTests : IDisposable
{
    private readonly SqliteStoreFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Events_whose_text_never_reached_the_index_are_found_after_a_restart()
    {
        // Arrange: the index stops (as if the process ended between the store's commit and the index's) before the
        // second write and a revision of the first event.
        var path = _fixture.NewPath();
        var (database, store) = OpenEvents(path);
        var laukkai = Created(new EventBuilder().WithId("evt_laukkai").WithTitle("Clash at Laukkai"));
        await WriteAsync(store, laukkai);
        await database.SearchIndex.CatchUpAsync(CancellationToken.None);
        database.SearchIndex.Dispose();
        await WriteAsync(store, Created(new EventBuilder().WithId("evt_gate").WithTitle("Chinshwehaw gate closed")));
        await WriteAsync(store, Revised(laukkai, laukkai with { Title = "Surrender at Laukkai" }));

        // Act
        var reopened = _fixture.Open(path);

        // Assert
        Assert.Equal(["evt_gate"], await SearchAsync(reopened, "Chinshwehaw"));
        Assert.Equal(["evt_laukkai"], await SearchAsync(reopened, "surrender"));
        Assert.Empty(await SearchAsync(reopened, "clash"));
    }

    [Fact]
    public async Task An_index_file_left_from_another_store_is_rebuilt_from_this_ones_events()
    {
        // Arrange: a store's index copied beside another store.
        var other = _fixture.NewPath();
        var otherStore = _fixture.Open(other);
        await WriteAsync(otherStore.Events, Created(new EventBuilder().WithId("evt_other").WithTitle("Trucks burned at Kyin San Kyawt")));
        var otherIndex = await IndexFileAsync(otherStore, other);
        var path = _fixture.NewPath();
        var store = _fixture.Open(path);
        await WriteAsync(store.Events, Created(new EventBuilder().WithId("evt_mine").WithTitle("Drone strike on Namhkam")));
        var index = await IndexFileAsync(store, path);
        _fixture.CloseAll();
        File.Copy(otherIndex, index, overwrite: true);

        // Act
        var reopened = _fixture.Open(path);

        // Assert
        Assert.Empty(await SearchAsync(reopened, "trucks"));
        Assert.Equal(["evt_mine"], await SearchAsync(reopened, "namhkam"));
    }

    [Fact]
    public async Task A_restored_backup_gets_an_index_of_its_own_events_not_of_those_written_after_it()
    {
        // Arrange: a backup, then an event and a revision the backup does not have, all in the index.
        var path = _fixture.NewPath();
        var (database, store) = OpenEvents(path);
        var gate = Created(new EventBuilder().WithId("evt_gate").WithTitle("Chinshwehaw gate closed"));
        await WriteAsync(store, gate);
        var backup = Path.Combine(Path.GetDirectoryName(path)!, "backup.db");
        await new SqliteBackup(database).BackupAsync(backup, CancellationToken.None);
        await WriteAsync(store, Created(new EventBuilder().WithId("evt_later").WithTitle("Shelling near Hopang")));
        await WriteAsync(store, Revised(gate, gate with { Title = "Chinshwehaw gate reopened" }));
        await database.SearchIndex.CatchUpAsync(CancellationToken.None);
        _fixture.CloseAll();

        // Act: the backup restored over the store, the index file left as it was.
        File.Copy(backup, path, overwrite: true);
        File.Delete(path + "-wal");
        File.Delete(path + "-shm");
        var restored = _fixture.Open(path);

        // Assert
        Assert.Empty(await SearchAsync(restored, "hopang"));
        Assert.Empty(await SearchAsync(restored, "reopened"));
        Assert.Equal(["evt_gate"], await SearchAsync(restored, "closed"));
    }

    [Fact]
    public async Task A_search_right_after_many_writes_finds_every_event()
    {
        // Arrange: more writes than the index lets wait, none of them waited for.
        var store = _fixture.Open(_fixture.NewPath());
        for (var i = 0; i < 20; i++)
        {
            await WriteAsync(store.Events, Created(new EventBuilder().WithId($"evt_clash_{i}").WithTitle($"Clash number{i} near Laukkai")));
        }

        // Act
        var found = await store.Queries.SearchAsync("laukkai", EventFilter.Everything, 100, CancellationToken.None);

        // Assert
        Assert.Equal(20, found.Count);
        Assert.Equal(["evt_clash_19"], await SearchAsync(store, "number19"));
    }

    [Fact]
    public async Task Once_writes_pause_another_process_searching_the_store_finds_every_event_without_waiting()
    {
        // Arrange: the index keeps writes that come one after another in one transaction; once none has come for a
        // moment, it commits them, releasing the index file for another process (a CLI search beside the running bot).
        var path = _fixture.NewPath();
        var running = _fixture.Open(path);
        Assert.Empty(await SearchAsync(running, "chinshwehaw")); // The index file is made before the writes.
        for (var i = 0; i < 3; i++)
        {
            await WriteAsync(running.Events, Created(new EventBuilder().WithId($"evt_gate_{i}").WithTitle($"Gate number{i} closed at Chinshwehaw")));
        }

        await WaitForIndexPositionAsync(path, 3);

        // Act: a second store on the same files, as another process opens them.
        var other = _fixture.Open(path);
        var found = await other.Queries.SearchAsync("chinshwehaw", EventFilter.Everything, 10, CancellationToken.None);

        // Assert
        Assert.Equal(3, found.Count);
    }

    [Fact]
    public async Task Writes_that_never_pause_are_committed_to_the_index_every_second()
    {
        // Arrange: the index file made, then an event every 50 ms for two seconds, never the pause that commits.
        var path = _fixture.NewPath();
        var running = _fixture.Open(path);
        Assert.Empty(await SearchAsync(running, "chinshwehaw"));
        var index = Path.Combine(Path.GetDirectoryName(path)!, "events.search.db");
        var committedBefore = await CommittedPositionAsync(index);

        // Act
        for (var i = 0; i < 40; i++)
        {
            await WriteAsync(running.Events, Created(new EventBuilder().WithId($"evt_gate_{i}").WithTitle($"Gate number{i} closed at Chinshwehaw")));
            _fixture.Time.Advance(TimeSpan.FromMilliseconds(50));
        }

        // Assert: committed while the writes went on, so another process's search waited at most a second.
        Assert.True(await CommittedPositionAsync(index) > committedBefore, "The index committed nothing while writes kept coming.");
    }

    /// <summary>The store's database and its event store alone, for tests that stop or back up the database itself.</summary>
    private (SqliteDatabase Database, SqliteEventStore Store) OpenEvents(string path)
    {
        var database = _fixture.Database(path);
        return (database, new SqliteEventStore(database, new ChangeSignal(_fixture.Time)));
    }

    private static ConflictEvent Created(EventBuilder builder) =>
        builder.Build() with { Revision = new RevisionInfo(1, DateTimeOffset.UnixEpoch, "curator", ["created"]) };

    private static ConflictEvent Revised(ConflictEvent before, ConflictEvent after) =>
        after with { Revision = new RevisionInfo(before.Revision.Number + 1, DateTimeOffset.UnixEpoch, "curator", ["title"]) };

    private static Task WriteAsync(IEventStore store, ConflictEvent conflictEvent) =>
        store.WriteAsync([new EventWrite(conflictEvent, EventDocument.Fingerprint(conflictEvent))], CancellationToken.None);

    /// <summary>The store's index file (<c>events.db</c> → <c>events.search.db</c>), brought up to date by a search.</summary>
    private static async Task<string> IndexFileAsync(Testing.Contracts.StoreUnderTest store, string path)
    {
        _ = await store.Queries.SearchAsync("anything", EventFilter.Everything, 1, CancellationToken.None);
        var index = Path.Combine(Path.GetDirectoryName(path)!, "events.search.db");
        Assert.True(File.Exists(index));
        return index;
    }

    /// <summary>
    /// Lets the fake clock run, a pause at a time, until the index file has committed the change-feed position
    /// <paramref name="position"/>: the index commits on its own thread, so the test waits for it (at most 10 s).
    /// </summary>
    private async Task WaitForIndexPositionAsync(string path, long position)
    {
        var index = Path.Combine(Path.GetDirectoryName(path)!, "events.search.db");
        var committed = await CommittedPositionAsync(index);
        for (var waits = 0; committed < position && waits < 1000; waits++)
        {
            _fixture.Time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
            committed = await CommittedPositionAsync(index);
        }

        Assert.Equal(position, committed);
    }

    private static async Task<long> CommittedPositionAsync(string index)
    {
        if (!File.Exists(index))
        {
            return -1;
        }

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = index, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE((SELECT position FROM search_state), -1) WHERE EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'search_state');";
        return await command.ExecuteScalarAsync() is long committed ? committed : -1;
    }

    private static async Task<List<string>> SearchAsync(Testing.Contracts.StoreUnderTest store, string text) =>
        [.. (await store.Queries.SearchAsync(text, EventFilter.Everything, 10, CancellationToken.None)).Select(found => found.Id.Value)];
}
