using BorderAlertBot.Delivery;
using BorderAlertBot.Domain;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Abstractions;

/// <summary>For each (subscription, event): what was decided and what happened, so "why" can be answered.</summary>
public interface IDeliveryLog
{
    Task RecordAsync(IReadOnlyList<DeliveryLogEntry> entries, CancellationToken cancellationToken);

    /// <summary>The entries for one subscription and event, oldest first.</summary>
    Task<IReadOnlyList<DeliveryLogEntry>> GetAsync(SubscriptionId subscriptionId, EventId eventId, CancellationToken cancellationToken);
}
