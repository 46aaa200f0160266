using BorderAlertBot.Abstractions;
using BorderAlertBot.Domain;
using BorderAlertBot.Storage;
using Npgsql;

namespace BorderAlertBot.Store.Postgres;

public sealed class PostgresChangeFeed(PostgresDatabase database, TimeProvider timeProvider) : IChangeFeed, ICursorStore
{
    public async Task<IReadOnlyList<ChangeRecord>> ReadAsync(long afterSequence, int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT sequence, event_id, revision, change_kind, status, recorded_at FROM change_feed WHERE sequence > @after ORDER BY sequence LIMIT @max;", connection);
        command.Parameters.AddWithValue("after", afterSequence);
        command.Parameters.AddWithValue("max", max);
        return await Sql.ReadAllAsync(command, reader => new ChangeRecord(
            reader.GetInt64(0),
            EventId.Parse(reader.GetString(1)),
            reader.GetInt32(2),
            Enum.Parse<ChangeKind>(reader.GetString(3)),
            Enum.Parse<EventStatus>(reader.GetString(4)),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))), cancellationToken);
    }

    public async Task<long> GetHeadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT COALESCE(MAX(sequence), 0) FROM change_feed;", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }

    public async Task<long> GetAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT position FROM cursors WHERE name = @name;", connection);
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteScalarAsync(cancellationToken) is long position ? position : 0;
    }

    public Task SetAsync(string name, long position, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand(SetCursorSql, connection, transaction);
            command.Parameters.AddWithValue("name", name);
            command.Parameters.AddWithValue("position", position);
            command.Parameters.AddWithValue("at", timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>Sets a cursor (@name, @position, @at), in a transaction of its own or the outbox's.</summary>
    internal const string SetCursorSql =
        "INSERT INTO cursors (name, position, updated_at) VALUES (@name, @position, @at) ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at;";
}
