using BorderAlertBot.Abstractions;
using BorderAlertBot.Domain;
using BorderAlertBot.Serialization;
using BorderAlertBot.Storage;
using Npgsql;

namespace BorderAlertBot.Store.Postgres;

/// <summary>
/// Events on PostgreSQL: the current state as a JSON document plus indexed columns and a tsvector, every revision, and
/// the change feed. The feed is appended last in each write transaction, under a transaction-level advisory lock, so its
/// sequence numbers become visible in commit order; a NOTIFY on the same commit wakes the other instances' watchers.
/// </summary>
public sealed partial class PostgresEventStore(PostgresDatabase database, ChangeSignal changeSignal) : IEventStore
{
    public async Task<ConflictEvent?> TryGetAsync(EventId id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT document FROM events WHERE id = @id;", connection);
        command.Parameters.AddWithValue("id", id.Value);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? EventDocument.Deserialize(json) : null;
    }

    public async Task<IReadOnlyDictionary<EventId, StoredVersion>> GetVersionsAsync(IReadOnlyCollection<EventId> ids, CancellationToken cancellationToken)
    {
        var versions = new Dictionary<EventId, StoredVersion>(ids.Count);
        if (ids.Count == 0)
        {
            return versions;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT id, revision, status, fingerprint FROM events WHERE id = ANY(@ids);", connection);
        command.Parameters.AddWithValue("ids", ids.Select(id => id.Value).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions[EventId.Parse(reader.GetString(0))] = new StoredVersion(reader.GetInt32(1), Enum.Parse<EventStatus>(reader.GetString(2)), reader.GetString(3));
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
        await using var command = new NpgsqlCommand("SELECT external_id, event_id FROM event_external_ids WHERE external_id = ANY(@ids);", connection);
        command.Parameters.AddWithValue("ids", externalIds.Distinct(StringComparer.Ordinal).ToArray());
        foreach (var (externalId, eventId) in await Sql.ReadAllAsync(command, reader => (reader.GetString(0), reader.GetString(1)), cancellationToken))
        {
            found[externalId] = EventId.Parse(eventId);
        }

        return found;
    }

    public async Task<ConflictEvent?> TryGetRevisionAsync(EventId id, int revision, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT document FROM event_revisions WHERE event_id = @id AND revision = @revision;", connection);
        command.Parameters.AddWithValue("id", id.Value);
        command.Parameters.AddWithValue("revision", revision);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? EventDocument.Deserialize(json) : null;
    }

    public async Task<IReadOnlyList<ConflictEvent>> GetRevisionsAsync(EventId id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT document FROM event_revisions WHERE event_id = @id ORDER BY revision;", connection);
        command.Parameters.AddWithValue("id", id.Value);
        return await PostgresEventReader.ReadDocumentsAsync(command, cancellationToken);
    }

    public async Task WriteAsync(IReadOnlyList<EventWrite> writes, CancellationToken cancellationToken)
    {
        if (writes.Count == 0)
        {
            return;
        }

        await database.WriteAsync(async (connection, transaction) =>
        {
            foreach (var write in writes)
            {
                await WriteEventAsync(connection, transaction, write, cancellationToken);
            }

            await AppendToFeedAsync(connection, transaction, writes, cancellationToken);
        }, cancellationToken);

        changeSignal.Notify();
    }
}
