using BorderAlertBot.Abstractions;
using BorderAlertBot.Delivery;
using BorderAlertBot.Domain;
using BorderAlertBot.Subscriptions;
using Npgsql;

namespace BorderAlertBot.Store.Postgres;

public sealed class PostgresDeliveryLog(PostgresDatabase database) : IDeliveryLog
{
    public async Task RecordAsync(IReadOnlyList<DeliveryLogEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        await database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand(
                """
                INSERT INTO delivery_log (subscription_id, event_id, revision, decision, detail, at)
                SELECT subscription_id, event_id, revision, decision, detail, at
                FROM unnest(@subscriptions, @events, @revisions, @decisions, @details, @ats) WITH ORDINALITY AS e(subscription_id, event_id, revision, decision, detail, at, n)
                ORDER BY n;
                """, connection, transaction);
            command.Parameters.AddWithValue("subscriptions", entries.Select(entry => entry.SubscriptionId.Value).ToArray());
            command.Parameters.AddWithValue("events", entries.Select(entry => entry.EventId.Value).ToArray());
            command.Parameters.AddWithValue("revisions", entries.Select(entry => entry.Revision).ToArray());
            command.Parameters.AddWithValue("decisions", entries.Select(entry => entry.Decision.ToString()).ToArray());
            command.Parameters.AddWithValue("details", entries.Select(entry => entry.Detail).ToArray());
            command.Parameters.AddWithValue("ats", entries.Select(entry => entry.At.ToUnixTimeMilliseconds()).ToArray());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }, Durability.Idempotent, cancellationToken);
    }

    public async Task<IReadOnlyList<DeliveryLogEntry>> GetAsync(SubscriptionId subscriptionId, EventId eventId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT revision, decision, detail, at FROM delivery_log WHERE subscription_id = @subscription AND event_id = @event ORDER BY id;", connection);
        command.Parameters.AddWithValue("subscription", subscriptionId.Value);
        command.Parameters.AddWithValue("event", eventId.Value);
        return await Sql.ReadAllAsync(command, reader => new DeliveryLogEntry(subscriptionId, eventId, reader.GetInt32(0), Enum.Parse<DeliveryDecision>(reader.GetString(1)),
            reader.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))), cancellationToken);
    }
}
