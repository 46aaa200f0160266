using BorderAlertBot.Delivery;
using BorderAlertBot.Domain;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Telemetry;

namespace BorderAlertBot.Store.Sqlite;

public sealed partial class SqliteOutboxStore
{
    public async Task<SentMessage?> TryGetAlertMessageAsync(SubscriptionId subscriptionId, EventId eventId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var find = Command(connection, null,
            "SELECT message_ref FROM outbox WHERE subscription_id = $subscription AND event_id = $event AND action = 'Alert' AND state = 'Sent' AND message_ref <> '' ORDER BY id LIMIT 1;");
        find.Parameters.AddWithValue("$subscription", subscriptionId.Value);
        find.Parameters.AddWithValue("$event", eventId.Value);
        if (await find.ExecuteScalarAsync(cancellationToken) is not string messageRef)
        {
            return null;
        }

        await using var members = Command(connection, null,
            "SELECT event_id FROM outbox WHERE subscription_id = $subscription AND message_ref = $ref AND action = 'Alert' ORDER BY id;");
        members.Parameters.AddWithValue("$subscription", subscriptionId.Value);
        members.Parameters.AddWithValue("$ref", messageRef);
        var eventIds = new List<EventId>();
        await using var reader = await members.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            eventIds.Add(EventId.Parse(reader.GetString(0)));
        }

        return new SentMessage(messageRef, eventIds);
    }

    public async Task<IReadOnlySet<SubscriptionId>> GetAlertedSubscriptionsAsync(EventId eventId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT DISTINCT subscription_id FROM outbox WHERE event_id = $event AND action = 'Alert' AND state <> 'Dead';");
        command.Parameters.AddWithValue("$event", eventId.Value);
        var alerted = new HashSet<SubscriptionId>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            alerted.Add(SubscriptionId.Parse(reader.GetString(0)));
        }

        return alerted;
    }

    public async Task<IReadOnlyDictionary<SubscriptionId, DateTimeOffset>> GetLastDigestSlotsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT subscription_id, slot_at FROM digest_slots;");
        var slots = new Dictionary<SubscriptionId, DateTimeOffset>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            slots[SubscriptionId.Parse(reader.GetString(0))] = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1));
        }

        return slots;
    }

    public async Task<OutboxCounts> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            "SELECT COALESCE(SUM(state = 'Pending'), 0), COALESCE(SUM(state = 'Sent'), 0), COALESCE(SUM(state = 'Dead'), 0) FROM outbox;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new OutboxCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    public async Task<OutboxBacklog> GetBacklogAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            """
            SELECT (SELECT COUNT(*) FROM outbox WHERE state = 'Pending'),
                   (SELECT MIN(o.created_at) FROM outbox o LEFT JOIN subscriptions s ON s.id = o.subscription_id
                    WHERE o.state = 'Pending' AND (o.due_at <= $now OR o.attempts > 0) AND COALESCE(s.paused, 0) = 0);
            """);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var oldest = reader.IsDBNull(1) ? now : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1));
        return new OutboxBacklog(reader.GetInt64(0), oldest < now ? now - oldest : TimeSpan.Zero);
    }

    public async Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            """
            SELECT MIN(CASE WHEN o.group_id IS NULL THEN o.due_at ELSE o.claimed_until END)
            FROM outbox o LEFT JOIN subscriptions s ON s.id = o.subscription_id
            WHERE o.state = 'Pending' AND COALESCE(s.paused, 0) = 0;
            """);
        return await command.ExecuteScalarAsync(cancellationToken) is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }
}
