using System.Buffers;
using System.Text;
using System.Text.Json;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Domain;
using BorderAlertBot.Serialization;
using BorderAlertBot.Storage;
using Microsoft.Data.Sqlite;

namespace BorderAlertBot.Store.Sqlite;

/// <summary>Events on SQLite: the current state as a JSON document plus indexed columns, every revision, FTS5 search.</summary>
public sealed partial class SqliteEventStore(SqliteDatabase database, ChangeSignal changeSignal) : IEventStore
{
    // Used only inside write pieces, which the write queue runs one at a time.
    private readonly WriteBuffers _buffers = new(new(16 * 1024), new DayCountDeltas());

    public async Task<ConflictEvent?> TryGetAsync(EventId id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT document FROM events WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id.Value);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? EventDocument.Deserialize(json) : null;
    }

    public async Task<IReadOnlyDictionary<EventId, StoredVersion>> GetVersionsAsync(IReadOnlyCollection<EventId> ids, CancellationToken cancellationToken)
    {
        var versions = new Dictionary<EventId, StoredVersion>(ids.Count);
        if (ids.Count == 0)
        {
            return versions;
        }

        // One parameter holding every id as a JSON array: bound by name, hundreds of parameters cost SQLite a linear
        // search of the statement's parameter names each (the importer asks for a batch of thousands at a time).
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, revision, status, fingerprint FROM events WHERE id IN (SELECT value FROM json_each($ids));";
        command.Parameters.AddWithValue("$ids", JsonArray(ids.Select(id => id.Value)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions[EventId.Parse(reader.GetString(0))] =
                new StoredVersion(reader.GetInt32(1), Enum.Parse<EventStatus>(reader.GetString(2)), reader.GetString(3));
        }

        return versions;
    }

    public async Task<IReadOnlyDictionary<string, EventId>> FindByExternalIdsAsync(IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, EventId>(StringComparer.Ordinal);
        if (externalIds.Count == 0)
        {
            return found;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT external_id, event_id FROM event_external_ids WHERE external_id IN (SELECT value FROM json_each($ids));";
        command.Parameters.AddWithValue("$ids", JsonArray(externalIds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found[reader.GetString(0)] = EventId.Parse(reader.GetString(1));
        }

        return found;
    }

    public async Task<ConflictEvent?> TryGetRevisionAsync(EventId id, int revision, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Earlier revisions are in event_revisions, the current one only in events (0009_revisions_once.sql).
        command.CommandText = "SELECT document FROM event_revisions WHERE event_id = $id AND revision = $revision UNION ALL SELECT document FROM events WHERE id = $id AND revision = $revision;";
        command.Parameters.AddWithValue("$id", id.Value);
        command.Parameters.AddWithValue("$revision", revision);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? EventDocument.Deserialize(json) : null;
    }

    public async Task<IReadOnlyList<ConflictEvent>> GetRevisionsAsync(EventId id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT document FROM (SELECT revision, document FROM event_revisions WHERE event_id = $id UNION ALL SELECT revision, document FROM events WHERE id = $id) ORDER BY revision;";
        command.Parameters.AddWithValue("$id", id.Value);
        return await SqliteEventReader.ReadDocumentsAsync(command, cancellationToken);
    }

    public async Task WriteAsync(IReadOnlyList<EventWrite> writes, CancellationToken cancellationToken)
    {
        if (writes.Count == 0)
        {
            return;
        }

        var search = await database.WriteAsync((connection, _) =>
        {
            using var statements = new WriteStatements(connection, _buffers);
            foreach (var write in writes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                statements.Write(write);
            }

            statements.Flush();

            return Task.FromResult(statements.Search);
        }, cancellationToken);

        changeSignal.Notify();

        // Committed: the search index takes the text on its own thread (and waits for nothing but a place in its queue).
        if (search is not null)
        {
            await database.SearchIndex.HandOverAsync(search);
        }
    }

    /// <summary>Strings as one JSON array, for <c>json_each</c>.</summary>
    private static string JsonArray(IEnumerable<string> values)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var value in values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
