using System.Text.Json;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Serialization;
using BorderAlertBot.Subscriptions;
using Microsoft.Data.Sqlite;

namespace BorderAlertBot.Store.Sqlite;

public sealed class SqliteSubscriptionStore(SqliteDatabase database, TimeProvider timeProvider) : ISubscriptionStore
{
    public async Task AddAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        await WriteAsync("INSERT INTO subscriptions (id, target_key, paused, document, created_at) VALUES ($id, $target, $paused, $document, $created);", subscription, cancellationToken);
    }

    public async Task<bool> UpdateAsync(Subscription subscription, CancellationToken cancellationToken) =>
        await WriteAsync("UPDATE subscriptions SET target_key = $target, paused = $paused, document = $document WHERE id = $id;", subscription, cancellationToken) > 0;

    public Task<bool> RemoveAsync(SubscriptionId id, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM subscriptions WHERE id = $id;";
            command.Parameters.AddWithValue("$id", id.Value);
            var removed = await command.ExecuteNonQueryAsync(cancellationToken) > 0;
            await BumpVersionAsync(connection, transaction, cancellationToken);
            return removed;
        }, cancellationToken);

    public async Task<Subscription?> TryGetAsync(SubscriptionId id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT document FROM subscriptions WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id.Value);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? Deserialize(json) : null;
    }

    public async Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT document FROM subscriptions ORDER BY created_at, id;";
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<Subscription>> ListForTargetAsync(DeliveryTarget target, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT document FROM subscriptions WHERE target_key = $target ORDER BY created_at, id;";
        command.Parameters.AddWithValue("$target", target.Key);
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<long> GetVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM subscription_versions;";
        return (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }

    private static async Task<IReadOnlyList<Subscription>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var subscriptions = new List<Subscription>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            subscriptions.Add(Deserialize(reader.GetString(0)));
        }

        return subscriptions;
    }

    private Task<int> WriteAsync(string sql, Subscription subscription, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.Parameters.AddWithValue("$id", subscription.Id.Value);
            command.Parameters.AddWithValue("$target", subscription.Target.Key);
            command.Parameters.AddWithValue("$paused", subscription.IsPaused ? 1 : 0);
            command.Parameters.AddWithValue("$document", JsonSerializer.Serialize(subscription, SubscriptionJsonContext.Default.Subscription));
            command.Parameters.AddWithValue("$created", subscription.CreatedAt.ToUnixTimeMilliseconds());
            var rows = await command.ExecuteNonQueryAsync(cancellationToken);
            await BumpVersionAsync(connection, transaction, cancellationToken);
            return rows;
        }, cancellationToken);

    private async Task BumpVersionAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO subscription_versions (changed_at) VALUES ($at);";
        command.Parameters.AddWithValue("$at", timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Subscription Deserialize(string json) =>
        JsonSerializer.Deserialize(json, SubscriptionJsonContext.Default.Subscription)
        ?? throw new BorderAlertBotException("A stored subscription document was empty.");
}
