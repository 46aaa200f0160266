using BorderAlertBot.Domain;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Delivery;

/// <summary>
/// A message to deliver: one per (subscription, event, revision, action), so enqueueing the same change twice —
/// after a crash, say — adds nothing. <paramref name="DueAt"/> is when it may go (group window, mute, quiet hours).
/// A <paramref name="Groupable"/> alert joins the subscription's open group (an earlier alert still waiting for its
/// window), so they go out as one message.
/// </summary>
public sealed record OutboxEntry(
    SubscriptionId SubscriptionId,
    string TargetKey,
    EventId EventId,
    int Revision,
    OutboxAction Action,
    DateTimeOffset CreatedAt,
    DateTimeOffset DueAt,
    bool Groupable = false)
{
    public string Key => $"{SubscriptionId}/{EventId}/{Revision}/{Action}";
}
