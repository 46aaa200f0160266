using BorderAlertBot.Abstractions;
using BorderAlertBot.Coordination;
using Npgsql;

namespace BorderAlertBot.Store.Postgres;

/// <summary>
/// Leases on PostgreSQL: one row per name. Taking one is a single upsert that only wins over an expired row or the
/// holder's own; two instances asking at once are ordered by the row lock, and the second sees the first's lease.
/// </summary>
public sealed class PostgresLeaseStore(PostgresDatabase database) : ILeaseStore
{
    public Task<bool> TryAcquireAsync(string name, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand(
                """
                INSERT INTO leases AS l (name, holder, expires_at, acquired_at) VALUES (@name, @holder, @until, @now)
                ON CONFLICT (name) DO UPDATE SET
                    acquired_at = CASE WHEN l.holder = excluded.holder THEN l.acquired_at ELSE excluded.acquired_at END,
                    holder = excluded.holder,
                    expires_at = excluded.expires_at
                WHERE l.holder = excluded.holder OR l.expires_at <= @now
                RETURNING holder;
                """, connection, transaction);
            command.Parameters.AddWithValue("name", name);
            command.Parameters.AddWithValue("holder", holder);
            command.Parameters.AddWithValue("until", until.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
            return await command.ExecuteScalarAsync(cancellationToken) is string;
        }, cancellationToken);

    public Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand("DELETE FROM leases WHERE name = @name AND holder = @holder;", connection, transaction);
            command.Parameters.AddWithValue("name", name);
            command.Parameters.AddWithValue("holder", holder);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public async Task<IReadOnlyList<LeaseInfo>> ListAsync(string prefix, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT name, holder, expires_at FROM leases WHERE starts_with(name, @prefix) AND expires_at > @now ORDER BY name;", connection);
        command.Parameters.AddWithValue("prefix", prefix);
        command.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        return await Sql.ReadAllAsync(command, reader => new LeaseInfo(reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2))), cancellationToken);
    }
}
