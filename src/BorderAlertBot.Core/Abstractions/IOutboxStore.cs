using BorderAlertBot.Delivery;
using BorderAlertBot.Domain;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Telemetry;

namespace BorderAlertBot.Abstractions;

/// <summary>Everything that leaves the process goes through here, so a crash never loses or repeats a message.</summary>
public interface IOutboxStore
{
    /// <summary>Adds the entries whose keys are new and, in the same transaction, moves the named cursor; returns how many were new.</summary>
    Task<int> EnqueueAsync(IReadOnlyList<OutboxEntry> entries, string cursorName, long cursorPosition, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the digests whose keys are new and, in the same transaction, records each one's slot as the subscription's
    /// latest; returns how many were new. An entry without content records its slot as done, with nothing to send.
    /// </summary>
    Task<int> EnqueueDigestsAsync(IReadOnlyList<DigestEntry> digests, CancellationToken cancellationToken);

    /// <summary>The latest digest slot recorded for each subscription that has had one.</summary>
    Task<IReadOnlyDictionary<SubscriptionId, DateTimeOffset>> GetLastDigestSlotsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Claims, under a lease, the due rows of up to <paramref name="maxBatches"/> subscriptions that are not paused and not
    /// already being sent, one batch per subscription, oldest first. A batch whose lease expired is claimed again whole.
    /// </summary>
    Task<IReadOnlyList<OutboxBatch>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int maxBatches, CancellationToken cancellationToken);

    /// <summary>
    /// Extends a batch's lease from <paramref name="leaseEnd"/> (the end its dispatcher set) to <paramref name="until"/>
    /// while the batch is still being sent, so a send that outlives <c>Delivery:ClaimLease</c> is not taken over by another
    /// dispatcher. False when the batch's lease is no longer that one: it was finished, set to retry, or claimed again.
    /// </summary>
    Task<bool> RenewLeaseAsync(string groupId, DateTimeOffset leaseEnd, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Records the sent message for each event of the part of a batch that went out in it.</summary>
    Task CompleteAsync(string groupId, IReadOnlyList<long> itemIds, string messageRef, DateTimeOffset at, CancellationToken cancellationToken);

    Task RetryLaterAsync(string groupId, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken);

    Task DeadLetterAsync(string groupId, string error, CancellationToken cancellationToken);

    /// <summary>
    /// Ends a batch's lease now, keeping its group id, so the next claim takes the same group again under the same
    /// idempotency keys (used at shutdown: nothing waits for the lease to run out, and nothing can be sent twice).
    /// </summary>
    Task EndLeaseAsync(string groupId, CancellationToken cancellationToken);

    /// <summary>Gives a batch back unsent and without counting an attempt (the subscription was paused meanwhile).</summary>
    Task ReleaseAsync(string groupId, CancellationToken cancellationToken);

    /// <summary>Makes this subscription's unclaimed rows that wait beyond <paramref name="dueAt"/> due then (a mute ended early); returns how many.</summary>
    Task<int> BringForwardAsync(SubscriptionId subscriptionId, DateTimeOffset dueAt, CancellationToken cancellationToken);

    /// <summary>The message that carried the alert for this event to this subscription, or null if none went out.</summary>
    Task<SentMessage?> TryGetAlertMessageAsync(SubscriptionId subscriptionId, EventId eventId, CancellationToken cancellationToken);

    /// <summary>Whether this subscription was ever sent (or has queued) the first alert for this event.</summary>
    Task<IReadOnlySet<SubscriptionId>> GetAlertedSubscriptionsAsync(EventId eventId, CancellationToken cancellationToken);

    Task<OutboxCounts> CountAsync(CancellationToken cancellationToken);

    /// <summary>
    /// How many rows are not yet sent nor dead-lettered, and how long ago the oldest of those that should be going (due, or
    /// being retried; held alerts and paused subscriptions aside) was written; for the outbox gauges of <c>/metrics</c>.
    /// </summary>
    Task<OutboxBacklog> GetBacklogAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>When the earliest unsent row becomes due (or its lease or retry time ends); null when nothing waits.</summary>
    Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken);
}
