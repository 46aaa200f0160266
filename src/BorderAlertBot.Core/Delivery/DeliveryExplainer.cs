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

        return (await ExplainAsync(conflictEvent, subscription, cancellationToken), null);
    }

    /// <summary>The explanation for an event and a subscription already read.</summary>
    public async Task<DeliveryExplanation> ExplainAsync(ConflictEvent conflictEvent, Subscription subscription, CancellationToken cancellationToken) =>
        new(conflictEvent, subscription, await log.GetAsync(subscription.Id, conflictEvent.Id, cancellationToken));
}
