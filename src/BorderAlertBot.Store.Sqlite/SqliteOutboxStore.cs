using BorderAlertBot.Abstractions;
using BorderAlertBot.Delivery;
using BorderAlertBot.Domain;
using BorderAlertBot.Serialization;
using BorderAlertBot.Subscriptions;
using Microsoft.Data.Sqlite;

namespace BorderAlertBot.Store.Sqlite;

/// <summary>
/// The outbox on SQLite. A claim marks a subscription's due rows with a group id and a lease in one write transaction;
/// a retry is a lease that ends at the next attempt; a dispatcher that dies leaves a lease that simply runs out.
/// </summary>
public sealed partial class SqliteOutboxStore(SqliteDatabase database, OutboxSignal signal) : IOutboxStore
{
    private const string Pending = "'Pending'";
    private const string DigestAction = "Digest";
    private static readonly string[] InsertParameters = ["$key", "$subscription", "$target", "$event", "$revision", "$action", "$created", "$due", "$groupable"];

    public async Task<int> EnqueueAsync(IReadOnlyList<OutboxEntry> entries, string cursorName, long cursorPosition, CancellationToken cancellationToken)
    {
        var added = await database.WriteAsync(async (connection, transaction) =>
        {
            var inserted = await InsertAsync(connection, transaction, entries, cancellationToken);
            await using var cursor = Command(connection, transaction,
                "INSERT INTO cursors (name, position, updated_at) VALUES ($name, $position, $at) ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at;");
            cursor.Parameters.AddWithValue("$name", cursorName);
            cursor.Parameters.AddWithValue("$position", cursorPosition);
            cursor.Parameters.AddWithValue("$at", entries.Count > 0 ? entries[0].CreatedAt.ToUnixTimeMilliseconds() : 0);
            await cursor.ExecuteNonQueryAsync(cancellationToken);
            return inserted;
        }, cancellationToken);

        if (added > 0)
        {
            signal.Notify();
        }

        return added;
    }

    public async Task<int> EnqueueDigestsAsync(IReadOnlyList<DigestEntry> digests, CancellationToken cancellationToken)
    {
        var documents = DigestDocument.SerializeAll(digests); // Before the write transaction.
        var added = await database.WriteAsync(async (connection, transaction) =>
        {
            await using var insert = Command(connection, transaction,
                """
                INSERT INTO outbox (key, subscription_id, target_key, event_id, revision, action, created_at, due_at, state, payload)
                VALUES ($key, $subscription, $target, '', 0, 'Digest', $created, $created, $state, $payload)
                ON CONFLICT (key) DO NOTHING;
                """);
            await using var slot = Command(connection, transaction,
                """
                INSERT INTO digest_slots (subscription_id, slot_at, recorded_at) VALUES ($subscription, $slot, $created)
                ON CONFLICT (subscription_id) DO UPDATE SET slot_at = MAX(slot_at, excluded.slot_at), recorded_at = excluded.recorded_at;
                """);
            var inserted = 0;
            for (var i = 0; i < digests.Count; i++)
            {
                var digest = digests[i];
                insert.Parameters.Clear();
                insert.Parameters.AddWithValue("$key", digest.Key);
                insert.Parameters.AddWithValue("$subscription", digest.SubscriptionId.Value);
                insert.Parameters.AddWithValue("$target", digest.TargetKey);
                insert.Parameters.AddWithValue("$created", digest.CreatedAt.ToUnixTimeMilliseconds());
                insert.Parameters.AddWithValue("$state", digest.Content is null ? "Skipped" : "Pending");
                insert.Parameters.AddWithValue("$payload", (object?)documents[i] ?? DBNull.Value);
                inserted += await insert.ExecuteNonQueryAsync(cancellationToken);
                slot.Parameters.Clear();
                slot.Parameters.AddWithValue("$subscription", digest.SubscriptionId.Value);
                slot.Parameters.AddWithValue("$slot", digest.Slot.At.ToUnixTimeMilliseconds());
                slot.Parameters.AddWithValue("$created", digest.CreatedAt.ToUnixTimeMilliseconds());
                await slot.ExecuteNonQueryAsync(cancellationToken);
            }

            return inserted;
        }, cancellationToken);

        if (added > 0)
        {
            signal.Notify();
        }

        return added;
    }

    public async Task<IReadOnlyList<OutboxBatch>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int maxBatches, CancellationToken cancellationToken)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        var leaseEnd = (now + lease).ToUnixTimeMilliseconds();
        return await database.WriteAsync<IReadOnlyList<OutboxBatch>>(async (connection, transaction) =>
        {
            var groups = new List<(string GroupId, string SubscriptionId)>();

            // Groups whose lease ran out (a crash) or whose retry time came: the same group again, whole.
            await using (var expired = Command(connection, transaction,
                $"SELECT group_id, MIN(subscription_id) FROM outbox INDEXED BY ix_outbox_claimed WHERE state = {Pending} AND group_id IS NOT NULL AND claimed_until <= $now GROUP BY group_id ORDER BY MIN(id) LIMIT $max;"))
            {
                expired.Parameters.AddWithValue("$now", nowMs);
                expired.Parameters.AddWithValue("$max", maxBatches);
                await using var reader = await expired.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    groups.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            foreach (var (groupId, _) in groups)
            {
                await ExecuteAsync(connection, transaction, $"UPDATE outbox SET claimed_until = $lease WHERE group_id = $group AND state = {Pending};", cancellationToken, ("$lease", leaseEnd), ("$group", groupId));
            }

            // New groups: subscriptions with due rows, not paused, and with no group still in flight (order per channel),
            // oldest row first. The walk stops as soon as it has enough subscriptions (0006_outbox_claims.sql).
            var fresh = new List<string>();
            var wanted = maxBatches - groups.Count;
            if (wanted > 0)
            {
                await using var due = Command(connection, transaction,
                    $"""
                    SELECT o.subscription_id FROM outbox o INDEXED BY ix_outbox_unclaimed LEFT JOIN subscriptions s ON s.id = o.subscription_id
                    WHERE o.state = {Pending} AND o.group_id IS NULL AND o.due_at <= $now AND COALESCE(s.paused, 0) = 0
                      AND NOT EXISTS (SELECT 1 FROM outbox f WHERE f.subscription_id = o.subscription_id AND f.state = {Pending} AND f.group_id IS NOT NULL)
                    ORDER BY o.id;
                    """);
                due.Parameters.AddWithValue("$now", nowMs);
                await using var reader = await due.ExecuteReaderAsync(cancellationToken);
                var seen = new HashSet<string>(StringComparer.Ordinal);
                while (fresh.Count < wanted && await reader.ReadAsync(cancellationToken))
                {
                    if (seen.Add(reader.GetString(0)))
                    {
                        fresh.Add(reader.GetString(0));
                    }
                }
            }

            foreach (var subscriptionId in fresh)
            {
                var groupId = "grp_" + Guid.NewGuid().ToString("N");
                await ExecuteAsync(connection, transaction,
                    // By the subscription's index: left to itself the planner walks every due row (10,000 digests due at once: 10,000 each).
                    $"UPDATE outbox INDEXED BY ix_outbox_subscription_pending SET group_id = $group, claimed_until = $lease WHERE subscription_id = $subscription AND state = {Pending} AND group_id IS NULL AND due_at <= $now;",
                    cancellationToken, ("$group", groupId), ("$lease", leaseEnd), ("$subscription", subscriptionId), ("$now", nowMs));
                groups.Add((groupId, subscriptionId));
            }

            var batches = new List<OutboxBatch>();
            foreach (var (groupId, subscriptionId) in groups)
            {
                batches.Add(await ReadGroupAsync(connection, transaction, groupId, SubscriptionId.Parse(subscriptionId), cancellationToken));
            }

            return batches;
        }, cancellationToken);
    }

    public async Task CompleteAsync(string groupId, IReadOnlyList<long> itemIds, string messageRef, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await WriteAsync(
            $"UPDATE outbox SET state = 'Sent', message_ref = $ref, sent_at = $at, claimed_until = NULL, payload = NULL WHERE group_id = $group AND id IN ({string.Join(", ", itemIds)});",
            cancellationToken, ("$ref", messageRef), ("$at", at.ToUnixTimeMilliseconds()), ("$group", groupId));

        // Readers waiting for the outbox to drain (the sample replay, tests) wake on every change, not only on new rows.
        signal.Notify();
    }

    public async Task<bool> RenewLeaseAsync(string groupId, DateTimeOffset leaseEnd, DateTimeOffset until, CancellationToken cancellationToken) =>
        await WriteAsync($"UPDATE outbox SET claimed_until = $until WHERE group_id = $group AND state = {Pending} AND claimed_until = $end;",
            cancellationToken, ("$until", until.ToUnixTimeMilliseconds()), ("$group", groupId), ("$end", leaseEnd.ToUnixTimeMilliseconds())) > 0;

    public Task RetryLaterAsync(string groupId, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        WriteAsync($"UPDATE outbox SET claimed_until = $next, attempts = attempts + 1, last_error = $error WHERE group_id = $group AND state = {Pending};",
            cancellationToken, ("$next", nextAttemptAt.ToUnixTimeMilliseconds()), ("$error", error), ("$group", groupId));

    public Task DeadLetterAsync(string groupId, string error, CancellationToken cancellationToken) =>
        WriteAsync($"UPDATE outbox SET state = 'Dead', attempts = attempts + 1, last_error = $error, claimed_until = NULL WHERE group_id = $group AND state = {Pending};",
            cancellationToken, ("$error", error), ("$group", groupId));

    public Task EndLeaseAsync(string groupId, CancellationToken cancellationToken) =>
        WriteAsync($"UPDATE outbox SET claimed_until = 0 WHERE group_id = $group AND state = {Pending};", cancellationToken, ("$group", groupId));

    public Task ReleaseAsync(string groupId, CancellationToken cancellationToken) =>
        WriteAsync($"UPDATE outbox SET group_id = NULL, claimed_until = NULL WHERE group_id = $group AND state = {Pending};", cancellationToken, ("$group", groupId));

    public async Task<int> BringForwardAsync(SubscriptionId subscriptionId, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var moved = await WriteAsync($"UPDATE outbox INDEXED BY ix_outbox_subscription_pending SET due_at = $due WHERE subscription_id = $subscription AND state = {Pending} AND group_id IS NULL AND due_at > $due;",
            cancellationToken, ("$due", dueAt.ToUnixTimeMilliseconds()), ("$subscription", subscriptionId.Value));
        if (moved > 0)
        {
            signal.Notify();
        }

        return moved;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private Task<int> WriteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters) =>
        database.WriteAsync((connection, transaction) => ExecuteAsync(connection, transaction, sql, cancellationToken, parameters), cancellationToken);

    private static async Task<int> InsertAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        // A groupable alert joins the subscription's open group: it goes when the earliest waiting alert goes.
        // A follow-up (update, retraction) never goes before the alert it follows, so it finds the message to edit; and it
        // is only added for a revision after the one that raised the alert (a replayed change feed adds nothing).
        await using var insert = Command(connection, transaction,
            $"""
            INSERT INTO outbox (key, subscription_id, target_key, event_id, revision, action, created_at, due_at)
            SELECT $key, $subscription, $target, $event, $revision, $action, $created,
                CASE
                    WHEN $groupable = 1 THEN MIN($due, COALESCE((SELECT MIN(due_at) FROM outbox WHERE subscription_id = $subscription AND state = {Pending} AND group_id IS NULL AND action = 'Alert'), $due))
                    WHEN $action <> 'Alert' THEN MAX($due, COALESCE((SELECT MAX(due_at) FROM outbox WHERE subscription_id = $subscription AND event_id = $event AND state = {Pending} AND action = 'Alert'), $due))
                    ELSE $due
                END
            WHERE $action = 'Alert'
               OR NOT EXISTS (SELECT 1 FROM outbox WHERE subscription_id = $subscription AND event_id = $event AND action = 'Alert' AND state <> 'Dead' AND revision >= $revision)
            ON CONFLICT (key) DO NOTHING;
            """);
        var parameters = InsertParameters.ToDictionary(name => name, name => insert.Parameters.Add(new SqliteParameter { ParameterName = name }));
        var added = 0;
        foreach (var entry in entries)
        {
            parameters["$key"].Value = entry.Key;
            parameters["$subscription"].Value = entry.SubscriptionId.Value;
            parameters["$target"].Value = entry.TargetKey;
            parameters["$event"].Value = entry.EventId.Value;
            parameters["$revision"].Value = entry.Revision;
            parameters["$action"].Value = entry.Action.ToString();
            parameters["$created"].Value = entry.CreatedAt.ToUnixTimeMilliseconds();
            parameters["$due"].Value = entry.DueAt.ToUnixTimeMilliseconds();
            parameters["$groupable"].Value = entry.Groupable && entry.Action == OutboxAction.Alert ? 1 : 0;
            added += await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        return added;
    }

    private static async Task<OutboxBatch> ReadGroupAsync(SqliteConnection connection, SqliteTransaction transaction, string groupId, SubscriptionId subscriptionId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction,
            $"SELECT id, key, subscription_id, event_id, revision, action, created_at, due_at, attempts, payload FROM outbox WHERE group_id = $group AND state = {Pending} ORDER BY id;");
        command.Parameters.AddWithValue("$group", groupId);
        var items = new List<OutboxItem>();
        var digests = new List<OutboxDigest>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetString(5) == DigestAction)
            {
                // Read by the dispatcher, after this write transaction.
                digests.Add(new OutboxDigest(reader.GetInt64(0), reader.GetString(1), reader.GetString(9), reader.GetInt32(8)));
                continue;
            }

            items.Add(new OutboxItem(reader.GetInt64(0), reader.GetString(1), SubscriptionId.Parse(reader.GetString(2)), EventId.Parse(reader.GetString(3)),
                reader.GetInt32(4), Enum.Parse<OutboxAction>(reader.GetString(5)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)), reader.GetInt32(8)));
        }

        return new OutboxBatch(groupId, subscriptionId, items) { Digests = digests };
    }
}
