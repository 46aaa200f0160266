using BorderAlertBot.Domain;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Delivery;

/// <summary>
/// What happened between one event and one subscription: the delivery log's entries, oldest first, and why it was not
/// matched. The watcher logs the subscriptions the index reached; the many it never reached (another country, a severity
/// floor above the event, not verified yet) are not logged one by one, so for those the filters judge the event now.
/// </summary>
public sealed record DeliveryExplanation(ConflictEvent Event, Subscription Subscription, IReadOnlyList<DeliveryLogEntry> Log)
{
    /// <summary>Whether <see cref="Exclusion"/> comes from the filters as they are now rather than from the log.</summary>
    public bool JudgedNow => Log.Count == 0;

    /// <summary>The filter that excluded the event, in words; null when it was matched (or would be now).</summary>
    public string? Exclusion => JudgedNow
        ? Subscription.Filter.Exclusion(Event)
        : Log.LastOrDefault(entry => entry.Decision == DeliveryDecision.Excluded)?.Detail;
}
