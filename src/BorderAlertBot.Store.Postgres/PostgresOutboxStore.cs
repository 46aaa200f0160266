using BorderAlertBot.Abstractions;
using BorderAlertBot.Delivery;
using BorderAlertBot.Serialization;
using BorderAlertBot.Subscriptions;
using Npgsql;

namespace BorderAlertBot.Store.Postgres;

/// <summary>
/// The outbox on PostgreSQL, shared by every instance. A claim locks each subscription's lane row with
/// <c>FOR UPDATE SKIP LOCKED</c> and marks its due rows with a group id and a lease, so instances claiming at once split
/// the work and never wait for each other; a dispatcher that dies leaves a lease that runs out, and its group is claimed
/// again whole, under the same id (and so the same idempotency keys). Changes that make rows claimable NOTIFY the others.
/// </summary>
public sealed partial class PostgresOutboxStore(PostgresDatabase database, OutboxSignal signal) : IOutboxStore
{
    private const int DigestChunk = 500;

    // A groupable alert joins the subscription's open group: it goes when the earliest waiting alert goes. A follow-up
    // (update, retraction) never goes before the alert it follows, so it finds the message to edit; and it is only added
    // for a revision after the one that raised the alert (a replayed change feed adds nothing). As the SQLite store does.
    private const string InsertEntry =
        """
        INSERT INTO outbox (key, subscription_id, target_key, event_id, revision, action, created_at, due_at)
        SELECT $1, $2, $3, $4, $5, $6, $7,
            CASE
                WHEN $9 THEN LEAST($8, COALESCE((SELECT MIN(due_at) FROM outbox WHERE subscription_id = $2 AND state = 'Pending' AND group_id IS NULL AND action = 'Alert'), $8))
                WHEN $6 <> 'Alert' THEN GREATEST($8, COALESCE((SELECT MAX(due_at) FROM outbox WHERE subscription_id = $2 AND event_id = $4 AND state = 'Pending' AND action = 'Alert'), $8))
                ELSE $8
            END
        WHERE $6 = 'Alert'
           OR NOT EXISTS (SELECT 1 FROM outbox WHERE subscription_id = $2 AND event_id = $4 AND action = 'Alert' AND state <> 'Dead' AND revision >= $5)
        ON CONFLICT (key) DO NOTHING;
        """;

    private const string InsertLanes = "INSERT INTO outbox_lanes (subscription_id) SELECT DISTINCT unnest($1::text[]) ON CONFLICT DO NOTHING;";

    public async Task<int> EnqueueAsync(IReadOnlyList<OutboxEntry> entries, string cursorName, long cursorPosition, CancellationToken cancellationToken)
    {
        var added = await database.WriteAsync(async (connection, transaction) =>
        {
            var inserted = 0;
            if (entries.Count > 0)
            {
                await using var batch = new NpgsqlBatch(connection, transaction);
                batch.BatchCommands.Add(Sql.Statement(InsertLanes, (object)entries.Select(entry => entry.SubscriptionId.Value).ToArray()));
                var inserts = new List<NpgsqlBatchCommand>(entries.Count);
                foreach (var entry in entries)
                {
                    // One statement per entry, in order: each sees the rows the ones before it added (an open group, an alert to follow).
                    inserts.Add(Sql.Statement(InsertEntry, entry.Key, entry.SubscriptionId.Value, entry.TargetKey, entry.EventId.Value, entry.Revision,
                        entry.Action.ToString(), entry.CreatedAt.ToUnixTimeMilliseconds(), entry.DueAt.ToUnixTimeMilliseconds(), entry.Groupable && entry.Action == OutboxAction.Alert));
                    batch.BatchCommands.Add(inserts[^1]);
                }

                batch.BatchCommands.Add(PostgresNotifications.Notify(PostgresNotifications.Outbox, database.Origin));
                await batch.ExecuteNonQueryAsync(cancellationToken);
                inserted = inserts.Sum(command => command.RecordsAffected);
            }

            await using var cursor = new NpgsqlCommand(PostgresChangeFeed.SetCursorSql, connection, transaction);
            cursor.Parameters.AddWithValue("name", cursorName);
            cursor.Parameters.AddWithValue("position", cursorPosition);
            cursor.Parameters.AddWithValue("at", entries.Count > 0 ? entries[0].CreatedAt.ToUnixTimeMilliseconds() : 0L);
            await cursor.ExecuteNonQueryAsync(cancellationToken);
            return inserted;
        }, Durability.Idempotent, cancellationToken);

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
            var inserted = 0;
            for (var start = 0; start < digests.Count; start += DigestChunk)
            {
                var chunk = Enumerable.Range(start, Math.Min(DigestChunk, digests.Count - start)).ToList();
                await using var batch = new NpgsqlBatch(connection, transaction);
                batch.BatchCommands.Add(Sql.Statement(InsertLanes, (object)chunk.Select(i => digests[i].SubscriptionId.Value).ToArray()));
                var inserts = new List<NpgsqlBatchCommand>(chunk.Count);
                foreach (var i in chunk)
                {
                    var digest = digests[i];
                    var created = digest.CreatedAt.ToUnixTimeMilliseconds();
                    inserts.Add(Sql.Statement(
                        """
                        INSERT INTO outbox (key, subscription_id, target_key, event_id, revision, action, created_at, due_at, state, payload)
                        VALUES ($1, $2, $3, '', 0, 'Digest', $4, $4, $5, $6)
                        ON CONFLICT (key) DO NOTHING;
                        """, digest.Key, digest.SubscriptionId.Value, digest.TargetKey, created, digest.Content is null ? "Skipped" : "Pending", Sql.Text(documents[i])));
                    batch.BatchCommands.Add(inserts[^1]);
                    batch.BatchCommands.Add(Sql.Statement(
                        """
                        INSERT INTO digest_slots AS d (subscription_id, slot_at, recorded_at) VALUES ($1, $2, $3)
                        ON CONFLICT (subscription_id) DO UPDATE SET slot_at = GREATEST(d.slot_at, excluded.slot_at), recorded_at = excluded.recorded_at;
                        """, digest.SubscriptionId.Value, digest.Slot.At.ToUnixTimeMilliseconds(), created));
                }

                await batch.ExecuteNonQueryAsync(cancellationToken);
                inserted += inserts.Sum(command => command.RecordsAffected);
            }

            await NotifyAsync(connection, transaction, cancellationToken);
            return inserted;
        }, Durability.Idempotent, cancellationToken);

        if (added > 0)
        {
            signal.Notify();
        }

        return added;
    }

    public async Task CompleteAsync(string groupId, IReadOnlyList<long> itemIds, string messageRef, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await WriteAsync(
            "UPDATE outbox SET state = 'Sent', message_ref = @ref, sent_at = @at, claimed_until = NULL, payload = NULL WHERE group_id = @group AND id = ANY(@ids);",
            notify: false, cancellationToken, ("ref", messageRef), ("at", at.ToUnixTimeMilliseconds()), ("group", groupId), ("ids", itemIds.ToArray()));

        // Readers in this process waiting for the outbox to drain (the sample replay, tests) wake on every change. Other
        // instances are not told: what a completion frees (the subscription's next group) this instance's dispatcher claims
        // itself, and a NOTIFY for each of hundreds of sends a second would wake every instance to claim nothing.
        signal.Notify();
    }

    public async Task<bool> RenewLeaseAsync(string groupId, DateTimeOffset leaseEnd, DateTimeOffset until, CancellationToken cancellationToken) =>
        await WriteAsync("UPDATE outbox SET claimed_until = @until WHERE group_id = @group AND state = 'Pending' AND claimed_until = @end;",
            notify: false, cancellationToken, ("until", until.ToUnixTimeMilliseconds()), ("group", groupId), ("end", leaseEnd.ToUnixTimeMilliseconds())) > 0;

    public Task RetryLaterAsync(string groupId, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        WriteAsync("UPDATE outbox SET claimed_until = @next, attempts = attempts + 1, last_error = @error WHERE group_id = @group AND state = 'Pending';",
            notify: false, cancellationToken, ("next", nextAttemptAt.ToUnixTimeMilliseconds()), ("error", error), ("group", groupId));

    public Task DeadLetterAsync(string groupId, string error, CancellationToken cancellationToken) =>
        WriteAsync("UPDATE outbox SET state = 'Dead', attempts = attempts + 1, last_error = @error, claimed_until = NULL WHERE group_id = @group AND state = 'Pending';",
            notify: false, cancellationToken, ("error", error), ("group", groupId));

    public Task EndLeaseAsync(string groupId, CancellationToken cancellationToken) =>
        WriteAsync("UPDATE outbox SET claimed_until = 0 WHERE group_id = @group AND state = 'Pending';", notify: true, cancellationToken, ("group", groupId));

    public Task ReleaseAsync(string groupId, CancellationToken cancellationToken) =>
        WriteAsync("UPDATE outbox SET group_id = NULL, claimed_until = NULL WHERE group_id = @group AND state = 'Pending';", notify: true, cancellationToken, ("group", groupId));

    public async Task<int> BringForwardAsync(SubscriptionId subscriptionId, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var moved = await database.WriteAsync(async (connection, transaction) =>
        {
            // The lane first, waiting for a claim in progress: claims and this then never lock the same rows in two orders.
            await using var lane = new NpgsqlCommand("SELECT 1 FROM outbox_lanes WHERE subscription_id = @subscription FOR UPDATE;", connection, transaction);
            lane.Parameters.AddWithValue("subscription", subscriptionId.Value);
            await lane.ExecuteNonQueryAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                "UPDATE outbox SET due_at = @due WHERE subscription_id = @subscription AND state = 'Pending' AND group_id IS NULL AND due_at > @due;", connection, transaction);
            command.Parameters.AddWithValue("due", dueAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("subscription", subscriptionId.Value);
            var rows = await command.ExecuteNonQueryAsync(cancellationToken);
            if (rows > 0)
            {
                await NotifyAsync(connection, transaction, cancellationToken);
            }

            return rows;
        }, Durability.Idempotent, cancellationToken);

        if (moved > 0)
        {
            signal.Notify();
        }

        return moved;
    }

    private Task<int> WriteAsync(string sql, bool notify, CancellationToken cancellationToken, params (string Name, object Value)[] parameters) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            var rows = await command.ExecuteNonQueryAsync(cancellationToken);
            if (notify && rows > 0)
            {
                await NotifyAsync(connection, transaction, cancellationToken);
            }

            return rows;
        }, Durability.Idempotent, cancellationToken);

    private async Task NotifyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(PostgresNotifications.Notify(PostgresNotifications.Outbox, database.Origin));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
