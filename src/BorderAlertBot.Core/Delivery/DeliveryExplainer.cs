using BorderAlertBot.Abstractions;
using BorderAlertBot.Domain;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Delivery;

/// <summary>Answers "why did (or didn't) this channel get that alert?" for the CLI and the chat commands alike.</summary>
public sealed class DeliveryExplainer(IEventStore events, ISubscriptionStore subscriptions, IDeliveryLog log)
{
    /// <summary>The explanation, or an error in words when the event or the subscription does not exist.</summary>
    public async Task<(DeliveryExplanation? Explanation, string? Error)> ExplainAsync(EventId eventId, SubscriptionId subscriptionId, CancellationToken cancellationToken)
    {
        var conflictEvent = await events.TryGetAsync(eventId, cancellationToken);
        if (conflictEvent is null)
        {
            return (null, $"No event {eventId} in the store.");
        }

        var subscription = await subscriptions.TryGetAsync(subscriptionId, cancellationToken);
        if (subscription is null)
        {
            return (null, $"No subscription {subscriptionId}.");
        }

        return (new DeliveryExplanation(conflictEvent, subscription, await log.GetAsync(subscriptionId, eventId, cancellationToken)), null);
    }
}
