using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Delivery;

/// <summary>
/// The due rows of one subscription (alerts, follow-ups, digests), claimed together under a lease so they go out as one grouped message. The group id
/// is stored with the rows: if the process dies, the same group is claimed again and re-sent with the same idempotency key.
/// </summary>
public sealed record OutboxBatch(string GroupId, SubscriptionId SubscriptionId, IReadOnlyList<OutboxItem> Items)
{
    /// <summary>Digests due for the subscription, sent after its alerts and their follow-ups.</summary>
    public IReadOnlyList<OutboxDigest> Digests { get; init; } = [];

    /// <summary>The most attempts any row of the batch has had.</summary>
    public int Attempts => Math.Max(Items.Count > 0 ? Items.Max(item => item.Attempts) : 0, Digests.Count > 0 ? Digests.Max(digest => digest.Attempts) : 0);
}
