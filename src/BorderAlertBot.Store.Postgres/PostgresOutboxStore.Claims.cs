using BorderAlertBot.Delivery;
using BorderAlertBot.Domain;
using BorderAlertBot.Subscriptions;
using Npgsql;

namespace BorderAlertBot.Store.Postgres;

public sealed partial class PostgresOutboxStore
{
    private const string DigestAction = "Digest";
    private const string ClaimedColumns = "o.id, o.key, o.subscription_id, o.event_id, o.revision, o.action, o.created_at, o.due_at, o.attempts, o.payload, o.group_id";

    /// <summary>
    /// One transaction: find the groups whose lease ran out and the subscriptions with due rows (oldest row first), lock
    /// their lanes <c>FOR UPDATE SKIP LOCKED</c> — a lane another instance is claiming is skipped, not waited for — and,
    /// for the lanes this claim holds, check again and mark the rows. The lane lock is what makes "one group per
    /// subscription in flight" hold across instances: nobody else can claim or bring forward that subscription's rows
    /// until this commits, and a later claim sees this group in flight.
    /// </summary>
    public Task<IReadOnlyList<OutboxBatch>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int maxBatches, CancellationToken cancellationToken)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        var leaseEnd = (now + lease).ToUnixTimeMilliseconds();
        return database.WriteAsync<IReadOnlyList<OutboxBatch>>(async (connection, transaction) =>
        {
            var expired = await ExpiredGroupsAsync(connection, transaction, nowMs, maxBatches, cancellationToken);
            var heldExpired = await LockLanesAsync(connection, transaction, [.. expired.Select(group => group.SubscriptionId).Distinct()], limit: null, cancellationToken);
            var groups = expired.Where(group => heldExpired.Contains(group.SubscriptionId)).ToList();

            var wanted = maxBatches - groups.Count;
            List<string> fresh = [];
            if (wanted > 0)
            {
                // More candidates than wanted: some lanes may be another instance's right now.
                var candidates = await DueSubscriptionsAsync(connection, transaction, nowMs, (wanted * 2) + 8, cancellationToken);
                var held = await LockLanesAsync(connection, transaction, candidates, wanted, cancellationToken);
                fresh = [.. candidates.Where(held.Contains)];
            }

            var claimed = new List<(string GroupId, string SubscriptionId, List<ClaimedRow> Rows)>();
            var renewed = await RenewExpiredAsync(connection, transaction, [.. groups.Select(group => group.GroupId)], nowMs, leaseEnd, cancellationToken);
            claimed.AddRange(groups.Select(group => (group.GroupId, group.SubscriptionId, renewed.GetValueOrDefault(group.GroupId) ?? [])));
            var newGroups = fresh.Select(subscriptionId => (GroupId: "grp_" + Guid.NewGuid().ToString("N"), SubscriptionId: subscriptionId)).ToList();
            var marked = await MarkFreshAsync(connection, transaction, newGroups, nowMs, leaseEnd, cancellationToken);
            claimed.AddRange(newGroups.Select(group => (group.GroupId, group.SubscriptionId, marked.GetValueOrDefault(group.GroupId) ?? [])));

            return [.. claimed.Where(group => group.Rows.Count > 0).Select(group => Batch(group.GroupId, SubscriptionId.Parse(group.SubscriptionId), group.Rows))];
        }, Durability.Idempotent, cancellationToken);
    }

    /// <summary>Groups in flight whose lease (or retry time) has come, oldest first: they go again whole, under their group id.</summary>
    private static async Task<List<(string GroupId, string SubscriptionId)>> ExpiredGroupsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long now, int max,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT group_id, MIN(subscription_id) FROM outbox
            WHERE state = 'Pending' AND group_id IS NOT NULL AND claimed_until <= @now
            GROUP BY group_id ORDER BY MIN(id) LIMIT @max;
            """, connection, transaction);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("max", max);
        return await Sql.ReadAllAsync(command, reader => (reader.GetString(0), reader.GetString(1)), cancellationToken);
    }

    /// <summary>
    /// Subscriptions with due unclaimed rows, not paused and with no group in flight, by their oldest row; the walk over the
    /// unclaimed rows goes a page at a time and stops once it has <paramref name="max"/> of them.
    /// </summary>
    private static async Task<List<string>> DueSubscriptionsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long now, int max, CancellationToken cancellationToken)
    {
        const int Page = 256;
        await using var command = new NpgsqlCommand(
            """
            SELECT o.id, o.subscription_id FROM outbox o LEFT JOIN subscriptions s ON s.id = o.subscription_id
            WHERE o.state = 'Pending' AND o.group_id IS NULL AND o.id > @after AND o.due_at <= @now AND NOT COALESCE(s.paused, false)
              AND NOT EXISTS (SELECT 1 FROM outbox f WHERE f.subscription_id = o.subscription_id AND f.state = 'Pending' AND f.group_id IS NOT NULL)
            ORDER BY o.id LIMIT @page;
            """, connection, transaction);
        var after = command.Parameters.AddWithValue("after", 0L);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("page", Page);
        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (found.Count < max)
        {
            var rows = await Sql.ReadAllAsync(command, reader => (Id: reader.GetInt64(0), SubscriptionId: reader.GetString(1)), cancellationToken);
            foreach (var (_, subscriptionId) in rows)
            {
                if (found.Count < max && seen.Add(subscriptionId))
                {
                    found.Add(subscriptionId);
                }
            }

            if (rows.Count < Page)
            {
                break;
            }

            after.Value = rows[^1].Id;
        }

        return found;
    }

    /// <summary>Locks the lanes of these subscriptions that nobody else has locked, in the given order, at most <paramref name="limit"/>.</summary>
    private static async Task<HashSet<string>> LockLanesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<string> subscriptions, int? limit,
        CancellationToken cancellationToken)
    {
        if (subscriptions.Count == 0)
        {
            return [];
        }

        await using var command = new NpgsqlCommand(
            $"""
            SELECT subscription_id FROM outbox_lanes WHERE subscription_id = ANY(@subscriptions)
            ORDER BY array_position(@subscriptions, subscription_id) {(limit is null ? string.Empty : "LIMIT @limit")}
            FOR UPDATE SKIP LOCKED;
            """, connection, transaction);
        command.Parameters.AddWithValue("subscriptions", subscriptions.ToArray());
        if (limit is { } most)
        {
            command.Parameters.AddWithValue("limit", most);
        }

        return [.. await Sql.ReadAllAsync(command, reader => reader.GetString(0), cancellationToken)];
    }

    /// <summary>Extends the lease of expired groups whose lanes this claim holds, checking again that it has run out; returns their rows by group.</summary>
    private static async Task<Dictionary<string, List<ClaimedRow>>> RenewExpiredAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string[] groups, long now,
        long leaseEnd, CancellationToken cancellationToken)
    {
        if (groups.Length == 0)
        {
            return [];
        }

        await using var command = new NpgsqlCommand(
            $"UPDATE outbox o SET claimed_until = @lease WHERE o.group_id = ANY(@groups) AND o.state = 'Pending' AND o.claimed_until <= @now RETURNING {ClaimedColumns};",
            connection, transaction);
        command.Parameters.AddWithValue("lease", leaseEnd);
        command.Parameters.AddWithValue("groups", groups);
        command.Parameters.AddWithValue("now", now);
        return await ReadClaimedAsync(command, cancellationToken);
    }

    /// <summary>Marks the due rows of each held lane with its new group, checking again that no group of it is in flight; returns the rows by group.</summary>
    private static async Task<Dictionary<string, List<ClaimedRow>>> MarkFreshAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        List<(string GroupId, string SubscriptionId)> groups, long now, long leaseEnd, CancellationToken cancellationToken)
    {
        if (groups.Count == 0)
        {
            return [];
        }

        await using var command = new NpgsqlCommand(
            $"""
            UPDATE outbox o SET group_id = c.group_id, claimed_until = @lease
            FROM unnest(@subscriptions, @groups) AS c(subscription_id, group_id)
            WHERE o.subscription_id = c.subscription_id AND o.state = 'Pending' AND o.group_id IS NULL AND o.due_at <= @now
              AND NOT EXISTS (SELECT 1 FROM outbox f WHERE f.subscription_id = c.subscription_id AND f.state = 'Pending' AND f.group_id IS NOT NULL)
            RETURNING {ClaimedColumns};
            """, connection, transaction);
        command.Parameters.AddWithValue("lease", leaseEnd);
        command.Parameters.AddWithValue("subscriptions", groups.Select(group => group.SubscriptionId).ToArray());
        command.Parameters.AddWithValue("groups", groups.Select(group => group.GroupId).ToArray());
        command.Parameters.AddWithValue("now", now);
        return await ReadClaimedAsync(command, cancellationToken);
    }

    private static async Task<Dictionary<string, List<ClaimedRow>>> ReadClaimedAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = await Sql.ReadAllAsync(command, reader => new ClaimedRow(
            reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), reader.GetString(5),
            reader.GetInt64(6), reader.GetInt64(7), reader.GetInt32(8), reader.IsDBNull(9) ? null : reader.GetString(9), reader.GetString(10)), cancellationToken);
        return rows.GroupBy(row => row.GroupId).ToDictionary(group => group.Key, group => group.OrderBy(row => row.Id).ToList());
    }

    private static OutboxBatch Batch(string groupId, SubscriptionId subscriptionId, List<ClaimedRow> rows)
    {
        var items = new List<OutboxItem>();
        var digests = new List<OutboxDigest>();
        foreach (var row in rows)
        {
            if (row.Action == DigestAction)
            {
                digests.Add(new OutboxDigest(row.Id, row.Key, row.Payload ?? string.Empty, row.Attempts));
                continue;
            }

            items.Add(new OutboxItem(row.Id, row.Key, SubscriptionId.Parse(row.SubscriptionId), EventId.Parse(row.EventId), row.Revision, Enum.Parse<OutboxAction>(row.Action),
                DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAt), DateTimeOffset.FromUnixTimeMilliseconds(row.DueAt), row.Attempts));
        }

        return new OutboxBatch(groupId, subscriptionId, items) { Digests = digests };
    }

    private sealed record ClaimedRow(long Id, string Key, string SubscriptionId, string EventId, int Revision, string Action, long CreatedAt, long DueAt, int Attempts,
        string? Payload, string GroupId);
}
