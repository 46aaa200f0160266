using BorderAlertBot.Abstractions;
using BorderAlertBot.Sources;
using Npgsql;

namespace BorderAlertBot.Store.Postgres;

public sealed class PostgresSourceStateStore(PostgresDatabase database) : ISourceStateStore
{
    private const string Columns = "name, cursor, last_success_at, last_error_at, last_error, consecutive_failures, items_seen, next_poll_at, disabled_reason";

    public async Task<SourceState?> TryGetAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM source_state WHERE name = @name;", connection);
        command.Parameters.AddWithValue("name", name);
        return (await Sql.ReadAllAsync(command, Read, cancellationToken)).FirstOrDefault();
    }

    public Task SaveAsync(SourceState state, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand(
                $"""
                INSERT INTO source_state ({Columns}) VALUES (@name, @cursor, @success, @errorAt, @error, @failures, @seen, @next, @disabled)
                ON CONFLICT (name) DO UPDATE SET cursor = excluded.cursor, last_success_at = excluded.last_success_at,
                    last_error_at = excluded.last_error_at, last_error = excluded.last_error, consecutive_failures = excluded.consecutive_failures,
                    items_seen = excluded.items_seen, next_poll_at = excluded.next_poll_at, disabled_reason = excluded.disabled_reason;
                """, connection, transaction);
            command.Parameters.AddWithValue("name", state.Name);
            command.Parameters.Add(Sql.Text("cursor", state.Cursor));
            command.Parameters.AddWithValue("success", NpgsqlTypes.NpgsqlDbType.Bigint, Millis(state.LastSuccessAt));
            command.Parameters.AddWithValue("errorAt", NpgsqlTypes.NpgsqlDbType.Bigint, Millis(state.LastErrorAt));
            command.Parameters.Add(Sql.Text("error", state.LastError));
            command.Parameters.AddWithValue("failures", state.ConsecutiveFailures);
            command.Parameters.AddWithValue("seen", state.ItemsSeen);
            command.Parameters.AddWithValue("next", NpgsqlTypes.NpgsqlDbType.Bigint, Millis(state.NextPollAt));
            command.Parameters.Add(Sql.Text("disabled", state.DisabledReason));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public async Task<IReadOnlyList<SourceState>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM source_state ORDER BY name COLLATE \"C\";", connection);
        return await Sql.ReadAllAsync(command, Read, cancellationToken);
    }

    private static SourceState Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.IsDBNull(1) ? null : reader.GetString(1),
        Instant(reader, 2),
        Instant(reader, 3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.GetInt32(5),
        reader.GetInt64(6),
        Instant(reader, 7),
        reader.IsDBNull(8) ? null : reader.GetString(8));

    private static DateTimeOffset? Instant(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    private static object Millis(DateTimeOffset? instant) => instant is { } value ? value.ToUnixTimeMilliseconds() : DBNull.Value;
}
