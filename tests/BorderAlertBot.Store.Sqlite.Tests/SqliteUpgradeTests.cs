using BorderAlertBot.Domain;
using BorderAlertBot.Serialization;
using BorderAlertBot.Storage;
using BorderAlertBot.Testing.Builders;
using Microsoft.Data.Sqlite;

namespace BorderAlertBot.Store.Sqlite.Tests;

/// <summary>A database written by an earlier release opens in this one with nothing lost.</summary>
public sealed class SqliteUpgradeTests : IDisposable
{
    private readonly SqliteStoreFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task An_event_stored_before_documents_were_written_once_keeps_its_history_search_and_counts()
    {
        // Arrange: the schema before 0009, and an event revised once, stored as that release stored it.
        var path = _fixture.NewPath();
        var built = new EventBuilder().WithTitle("Trucks burned at Kyin San Kyawt").WithStatus(EventStatus.Pending).OccurredOn(2023, 10, 28).Build();
        var created = built with { Revision = new RevisionInfo(1, _fixture.Time.GetUtcNow(), "importer", ["created"]) };
        var verified = created with { Status = EventStatus.Verified, Revision = new RevisionInfo(2, _fixture.Time.GetUtcNow(), "curator", ["status Pending → Verified"]) };
        await WriteAsReleaseEightAsync(path, created, verified);

        // Act
        var store = _fixture.Open(path);
        var history = await store.Events.GetRevisionsAsync(created.Id, CancellationToken.None);
        var found = await store.Queries.SearchAsync("Kyin San", EventFilter.Everything, 10, CancellationToken.None);
        var counts = await store.Queries.CountByKindAndDayAsync(
            new EventFilter { Statuses = [EventStatus.Verified], From = new DateTimeOffset(2023, 10, 27, 0, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2023, 11, 1, 0, 0, 0, TimeSpan.Zero) },
            CancellationToken.None);
        var retracted = verified with { Status = EventStatus.Retracted, StatusReason = "duplicate", Revision = new RevisionInfo(3, _fixture.Time.GetUtcNow(), "curator", ["retracted"]) };
        await store.Events.WriteAsync([new EventWrite(retracted, EventDocument.Fingerprint(retracted))], CancellationToken.None);
        var afterRetraction = await store.Events.GetRevisionsAsync(created.Id, CancellationToken.None);

        // Assert
        Assert.Equal([1, 2], history.Select(revision => revision.Revision.Number));
        Assert.Equal(EventStatus.Verified, history[^1].Status);
        Assert.Equal([created.Id], found.Select(e => e.Id));
        Assert.Equal([new DailyCount(new DateOnly(2023, 10, 28), created.Kind, 1)], counts);
        Assert.Equal([1, 2, 3], afterRetraction.Select(revision => revision.Revision.Number));
        Assert.Equal(EventStatus.Verified, (await store.Events.TryGetRevisionAsync(created.Id, 2, CancellationToken.None))!.Status);
    }

    /// <summary>Migrations 0001–0008, then the rows that release wrote: every revision's document, the current one in both tables.</summary>
    private static async Task WriteAsReleaseEightAsync(string path, ConflictEvent created, ConflictEvent current)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL; CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL);");
        foreach (var migration in EmbeddedMigration.ReadAll(typeof(SqliteDatabase).Assembly).Where(migration => migration.Version <= 8))
        {
            await ExecuteAsync(connection, migration.Sql);
            await ExecuteAsync(connection, $"INSERT INTO schema_migrations VALUES ({migration.Version}, '{migration.Name}', 0);");
        }

        await ExecuteAsync(connection,
            "INSERT INTO events (id, kind, subtype, status, severity, occurred_at, country, place, border_pair, revision, updated_at, fingerprint, document) " +
            "VALUES ($id, $kind, $subtype, $status, $severity, $occurred, $country, $place, $border, 2, 0, $fingerprint, $document);" +
            "INSERT INTO event_revisions (event_id, revision, recorded_at, document) VALUES ($id, 1, 0, $first), ($id, 2, 0, $document);" +
            "INSERT INTO events_fts (rowid, title, summary, place, actors) SELECT rowid, $title, '', $place, '' FROM events WHERE id = $id;",
            ("$id", current.Id.Value), ("$kind", current.Kind.ToString()), ("$subtype", current.Subtype.ToString()), ("$status", current.Status.ToString()),
            ("$severity", (int)current.Severity.Effective), ("$occurred", current.Occurred.At.ToUnixTimeMilliseconds()),
            ("$country", current.Location!.CountryCode), ("$place", current.Location.Place), ("$border", current.Border!.Pair.ToString()),
            ("$fingerprint", EventDocument.Fingerprint(current)), ("$document", EventDocument.Serialize(current)), ("$first", EventDocument.Serialize(created)),
            ("$title", current.Title));
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
