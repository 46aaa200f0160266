using BorderAlertBot.Abstractions;
using BorderAlertBot.Delivery;
using BorderAlertBot.Domain;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Telemetry;

namespace BorderAlertBot.Tests.Delivery;

/// <summary>
/// The real outbox, with a hook that runs once right after a completion is written: the moment between a send marking
/// its rows sent and the dispatcher letting go of the channel's slot, which a test cannot otherwise reach. After
/// <see cref="Die"/> it renews no lease, as a process that died (whose sends a test leaves hanging) renews none.
/// </summary>
public sealed class CompletionHookOutbox(IOutboxStore inner) : IOutboxStore
{
    private Func<Task>? _afterNextCompletion;
    private volatile bool _dead;

    public void AfterNextCompletion(Func<Task> hook) => _afterNextCompletion = hook;

    /// <summary>From now on this "process" renews nothing: its leases run out like a dead dispatcher's.</summary>
    public void Die() => _dead = true;

    public async Task CompleteAsync(string groupId, IReadOnlyList<long> itemIds, string messageRef, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await inner.CompleteAsync(groupId, itemIds, messageRef, at, cancellationToken);
        if (Interlocked.Exchange(ref _afterNextCompletion, null) is { } hook)
        {
            await hook();
        }
    }

    public Task<int> EnqueueAsync(IReadOnlyList<OutboxEntry> entries, string cursorName, long cursorPosition, CancellationToken cancellationToken) =>
        inner.EnqueueAsync(entries, cursorName, cursorPosition, cancellationToken);

    public Task<int> EnqueueDigestsAsync(IReadOnlyList<DigestEntry> digests, CancellationToken cancellationToken) => inner.EnqueueDigestsAsync(digests, cancellationToken);

    public Task<IReadOnlyDictionary<SubscriptionId, DateTimeOffset>> GetLastDigestSlotsAsync(CancellationToken cancellationToken) =>
        inner.GetLastDigestSlotsAsync(cancellationToken);

    public Task<IReadOnlyList<OutboxBatch>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int maxBatches, CancellationToken cancellationToken) =>
        inner.ClaimDueAsync(now, lease, maxBatches, cancellationToken);

    public Task<bool> RenewLeaseAsync(string groupId, DateTimeOffset leaseEnd, DateTimeOffset until, CancellationToken cancellationToken) =>
        _dead ? Task.FromResult(false) : inner.RenewLeaseAsync(groupId, leaseEnd, until, cancellationToken);

    public Task RetryLaterAsync(string groupId, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        inner.RetryLaterAsync(groupId, nextAttemptAt, error, cancellationToken);

    public Task DeadLetterAsync(string groupId, string error, CancellationToken cancellationToken) => inner.DeadLetterAsync(groupId, error, cancellationToken);

    public Task EndLeaseAsync(string groupId, CancellationToken cancellationToken) => inner.EndLeaseAsync(groupId, cancellationToken);

    public Task ReleaseAsync(string groupId, CancellationToken cancellationToken) => inner.ReleaseAsync(groupId, cancellationToken);

    public Task<int> BringForwardAsync(SubscriptionId subscriptionId, DateTimeOffset dueAt, CancellationToken cancellationToken) =>
        inner.BringForwardAsync(subscriptionId, dueAt, cancellationToken);

    public Task<SentMessage?> TryGetAlertMessageAsync(SubscriptionId subscriptionId, EventId eventId, CancellationToken cancellationToken) =>
        inner.TryGetAlertMessageAsync(subscriptionId, eventId, cancellationToken);

    public Task<IReadOnlySet<SubscriptionId>> GetAlertedSubscriptionsAsync(EventId eventId, CancellationToken cancellationToken) =>
        inner.GetAlertedSubscriptionsAsync(eventId, cancellationToken);

    public Task<OutboxCounts> CountAsync(CancellationToken cancellationToken) => inner.CountAsync(cancellationToken);

    public Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken) => inner.NextDueAtAsync(cancellationToken);

    public Task<OutboxBacklog> GetBacklogAsync(DateTimeOffset now, CancellationToken cancellationToken) => inner.GetBacklogAsync(now, cancellationToken);
}
