using BorderAlertBot.Abstractions;
using BorderAlertBot.Coordination;

namespace BorderAlertBot.Store.Sqlite;

/// <summary>Leases on SQLite: one row per name; taking one is a single upsert that only wins over an expired or own row.</summary>
public sealed class SqliteLeaseStore(SqliteDatabase database) : ILeaseStore
{
    public Task<bool> TryAcquireAsync(string name, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                """
                INSERT INTO leases (name, holder, expires_at, acquired_at) VALUES ($name, $holder, $until, $now)
                ON CONFLICT (name) DO UPDATE SET
                    acquired_at = CASE WHEN holder = excluded.holder THEN acquired_at ELSE excluded.acquired_at END,
                    holder = excluded.holder,
                    expires_at = excluded.expires_at
                WHERE holder = excluded.holder OR expires_at <= $now
                RETURNING holder;
                """;
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$holder", holder);
            command.Parameters.AddWithValue("$until", until.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            return await command.ExecuteScalarAsync(cancellationToken) is string;
        }, cancellationToken);

    public Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM leases WHERE name = $name AND holder = $holder;";
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$holder", holder);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public async Task<IReadOnlyList<LeaseInfo>> ListAsync(string prefix, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, holder, expires_at FROM leases WHERE substr(name, 1, length($prefix)) = $prefix AND expires_at > $now ORDER BY name;";
        command.Parameters.AddWithValue("$prefix", prefix);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        var leases = new List<LeaseInfo>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            leases.Add(new LeaseInfo(reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2))));
        }

        return leases;
    }
}
