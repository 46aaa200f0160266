using System.Text.Json;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Serialization;
using BorderAlertBot.Subscriptions;
using Npgsql;

namespace BorderAlertBot.Store.Postgres;

public sealed class PostgresSubscriptionStore(PostgresDatabase database) : ISubscriptionStore
{
    private const string BumpVersion = "UPDATE subscription_version SET version = version + 1 WHERE id = 1;";

    public Task AddAsync(Subscription subscription, CancellationToken cancellationToken) =>
        WriteAsync("INSERT INTO subscriptions (id, target_key, paused, document, created_at) VALUES (@id, @target, @paused, @document, @created);", subscription, cancellationToken);

    public async Task<bool> UpdateAsync(Subscription subscription, CancellationToken cancellationToken) =>
        await WriteAsync("UPDATE subscriptions SET target_key = @target, paused = @paused, document = @document WHERE id = @id;", subscription, cancellationToken) > 0;

    public Task<bool> RemoveAsync(SubscriptionId id, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand("DELETE FROM subscriptions WHERE id = @id;", connection, transaction);
            command.Parameters.AddWithValue("id", id.Value);
            var removed = await command.ExecuteNonQueryAsync(cancellationToken) > 0;
            await using var bump = new NpgsqlCommand(BumpVersion, connection, transaction);
            await bump.ExecuteNonQueryAsync(cancellationToken);
            return removed;
        }, cancellationToken);

    public async Task<Subscription?> TryGetAsync(SubscriptionId id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT document FROM subscriptions WHERE id = @id;", connection);
        command.Parameters.AddWithValue("id", id.Value);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? Deserialize(json) : null;
    }

    public async Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT document FROM subscriptions ORDER BY created_at, id;", connection);
        return await Sql.ReadAllAsync(command, reader => Deserialize(reader.GetString(0)), cancellationToken);
    }

    public async Task<IReadOnlyList<Subscription>> ListForTargetAsync(DeliveryTarget target, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT document FROM subscriptions WHERE target_key = @target ORDER BY created_at, id;", connection);
        command.Parameters.AddWithValue("target", target.Key);
        return await Sql.ReadAllAsync(command, reader => Deserialize(reader.GetString(0)), cancellationToken);
    }

    public async Task<long> GetVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT version FROM subscription_version WHERE id = 1;", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }

    private Task<int> WriteAsync(string sql, Subscription subscription, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.AddWithValue("id", subscription.Id.Value);
            command.Parameters.AddWithValue("target", subscription.Target.Key);
            command.Parameters.AddWithValue("paused", subscription.IsPaused);
            command.Parameters.AddWithValue("document", JsonSerializer.Serialize(subscription, SubscriptionJsonContext.Default.Subscription));
            command.Parameters.AddWithValue("created", subscription.CreatedAt.ToUnixTimeMilliseconds());
            var rows = await command.ExecuteNonQueryAsync(cancellationToken);
            await using var bump = new NpgsqlCommand(BumpVersion, connection, transaction);
            await bump.ExecuteNonQueryAsync(cancellationToken);
            return rows;
        }, cancellationToken);

    private static Subscription Deserialize(string json) =>
        JsonSerializer.Deserialize(json, SubscriptionJsonContext.Default.Subscription)
        ?? throw new BorderAlertBotException("A stored subscription document was empty.");
}
