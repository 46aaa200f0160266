using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Delivery;

/// <summary>
/// The due rows of one subscription, claimed together under a lease so they go out as one grouped message. The group id
/// is stored with the rows: if the process dies, the same group is claimed again and re-sent with the same idempotency key.
/// </summary>
public sealed record OutboxBatch(string GroupId, SubscriptionId SubscriptionId, IReadOnlyList<OutboxItem> Items);
