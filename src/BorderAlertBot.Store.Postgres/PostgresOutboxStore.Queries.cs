using BorderAlertBot.Delivery;
using BorderAlertBot.Domain;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Telemetry;
using Npgsql;

namespace BorderAlertBot.Store.Postgres;

public sealed partial class PostgresOutboxStore
{
    public async Task<SentMessage?> TryGetAlertMessageAsync(SubscriptionId subscriptionId, EventId eventId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var find = new NpgsqlCommand(
            "SELECT message_ref FROM outbox WHERE subscription_id = @subscription AND event_id = @event AND action = 'Alert' AND state = 'Sent' AND message_ref <> '' ORDER BY id LIMIT 1;",
            connection);
        find.Parameters.AddWithValue("subscription", subscriptionId.Value);
        find.Parameters.AddWithValue("event", eventId.Value);
        if (await find.ExecuteScalarAsync(cancellationToken) is not string messageRef)
        {
            return null;
        }

        await using var members = new NpgsqlCommand(
            "SELECT event_id FROM outbox WHERE subscription_id = @subscription AND message_ref = @ref AND action = 'Alert' ORDER BY id;", connection);
        members.Parameters.AddWithValue("subscription", subscriptionId.Value);
        members.Parameters.AddWithValue("ref", messageRef);
        return new SentMessage(messageRef, await Sql.ReadAllAsync(members, reader => EventId.Parse(reader.GetString(0)), cancellationToken));
    }

    public async Task<IReadOnlySet<SubscriptionId>> GetAlertedSubscriptionsAsync(EventId eventId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT DISTINCT subscription_id FROM outbox WHERE event_id = @event AND action = 'Alert' AND state <> 'Dead';", connection);
        command.Parameters.AddWithValue("event", eventId.Value);
        return (await Sql.ReadAllAsync(command, reader => SubscriptionId.Parse(reader.GetString(0)), cancellationToken)).ToHashSet();
    }

    public async Task<IReadOnlyDictionary<SubscriptionId, DateTimeOffset>> GetLastDigestSlotsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT subscription_id, slot_at FROM digest_slots;", connection);
        var rows = await Sql.ReadAllAsync(command, reader => (SubscriptionId.Parse(reader.GetString(0)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1))), cancellationToken);
        return rows.ToDictionary(row => row.Item1, row => row.Item2);
    }

    public async Task<OutboxCounts> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT COUNT(*) FILTER (WHERE state = 'Pending'), COUNT(*) FILTER (WHERE state = 'Sent'), COUNT(*) FILTER (WHERE state = 'Dead') FROM outbox;", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new OutboxCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    public async Task<OutboxBacklog> GetBacklogAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT (SELECT COUNT(*) FROM outbox WHERE state = 'Pending'),
                   (SELECT MIN(o.created_at) FROM outbox o LEFT JOIN subscriptions s ON s.id = o.subscription_id
                    WHERE o.state = 'Pending' AND (o.due_at <= @now OR o.attempts > 0) AND NOT COALESCE(s.paused, false));
            """, connection);
        command.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var oldest = reader.IsDBNull(1) ? now : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1));
        return new OutboxBacklog(reader.GetInt64(0), oldest < now ? now - oldest : TimeSpan.Zero);
    }

    public async Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT MIN(CASE WHEN o.group_id IS NULL THEN o.due_at ELSE o.claimed_until END)
            FROM outbox o LEFT JOIN subscriptions s ON s.id = o.subscription_id
            WHERE o.state = 'Pending' AND NOT COALESCE(s.paused, false);
            """, connection);
        return await command.ExecuteScalarAsync(cancellationToken) is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }
}
