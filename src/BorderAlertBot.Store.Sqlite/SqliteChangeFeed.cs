using BorderAlertBot.Abstractions;
using BorderAlertBot.Domain;
using BorderAlertBot.Storage;

namespace BorderAlertBot.Store.Sqlite;

public sealed class SqliteChangeFeed(SqliteDatabase database, TimeProvider timeProvider) : IChangeFeed, ICursorStore
{
    public async Task<IReadOnlyList<ChangeRecord>> ReadAsync(long afterSequence, int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sequence, event_id, revision, change_kind, status, recorded_at FROM change_feed WHERE sequence > $after ORDER BY sequence LIMIT $max;";
        command.Parameters.AddWithValue("$after", afterSequence);
        command.Parameters.AddWithValue("$max", max);
        var changes = new List<ChangeRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            changes.Add(new ChangeRecord(
                reader.GetInt64(0),
                EventId.Parse(reader.GetString(1)),
                reader.GetInt32(2),
                Enum.Parse<ChangeKind>(reader.GetString(3)),
                Enum.Parse<EventStatus>(reader.GetString(4)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
        }

        return changes;
    }

    public async Task<long> GetHeadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(sequence), 0) FROM change_feed;";
        return (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }

    public async Task<long> GetAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT position FROM cursors WHERE name = $name;";
        command.Parameters.AddWithValue("$name", name);
        return await command.ExecuteScalarAsync(cancellationToken) is long position ? position : 0;
    }

    public Task SetAsync(string name, long position, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO cursors (name, position, updated_at) VALUES ($name, $position, $at) ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at;";
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$position", position);
            command.Parameters.AddWithValue("$at", timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
}
