using BorderAlertBot.Abstractions;
using BorderAlertBot.Delivery;
using BorderAlertBot.Domain;
using BorderAlertBot.Subscriptions;
using Microsoft.Data.Sqlite;

namespace BorderAlertBot.Store.Sqlite;

public sealed class SqliteDeliveryLog(SqliteDatabase database) : IDeliveryLog
{
    public async Task RecordAsync(IReadOnlyList<DeliveryLogEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        await database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO delivery_log (subscription_id, event_id, revision, decision, detail, at) VALUES ($subscription, $event, $revision, $decision, $detail, $at);";
            var subscription = command.Parameters.Add("$subscription", SqliteType.Text);
            var eventId = command.Parameters.Add("$event", SqliteType.Text);
            var revision = command.Parameters.Add("$revision", SqliteType.Integer);
            var decision = command.Parameters.Add("$decision", SqliteType.Text);
            var detail = command.Parameters.Add("$detail", SqliteType.Text);
            var at = command.Parameters.Add("$at", SqliteType.Integer);
            foreach (var entry in entries)
            {
                subscription.Value = entry.SubscriptionId.Value;
                eventId.Value = entry.EventId.Value;
                revision.Value = entry.Revision;
                decision.Value = entry.Decision.ToString();
                detail.Value = entry.Detail;
                at.Value = entry.At.ToUnixTimeMilliseconds();
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return entries.Count;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<DeliveryLogEntry>> GetAsync(SubscriptionId subscriptionId, EventId eventId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT revision, decision, detail, at FROM delivery_log WHERE subscription_id = $subscription AND event_id = $event ORDER BY id;";
        command.Parameters.AddWithValue("$subscription", subscriptionId.Value);
        command.Parameters.AddWithValue("$event", eventId.Value);
        var entries = new List<DeliveryLogEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new DeliveryLogEntry(subscriptionId, eventId, reader.GetInt32(0), Enum.Parse<DeliveryDecision>(reader.GetString(1)),
                reader.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))));
        }

        return entries;
    }
}
