using BorderAlertBot.Delivery;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Testing.Contracts;

/// <summary>What every delivery log must do: keep each (subscription, event)'s decisions in order, for "why".</summary>
public abstract class DeliveryLogContract : StoreContract
{
    [SkippableFact]
    public async Task The_entries_of_one_subscription_and_event_come_back_oldest_first_and_no_others()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var (subscription, other) = (SubscriptionId.New(), SubscriptionId.New());
        var (eventId, otherEvent) = (Some.EventId(), Some.EventId());
        DeliveryLogEntry Entry(SubscriptionId who, Domain.EventId what, DeliveryDecision decision, string detail, int minutes) =>
            new(who, what, 1, decision, detail, Written.AddMinutes(minutes));

        // Act
        await store.DeliveryLog.RecordAsync(
            [Entry(subscription, eventId, DeliveryDecision.Matched, "passed every filter", 0), Entry(other, eventId, DeliveryDecision.Excluded, "keywords", 0),
             Entry(subscription, otherEvent, DeliveryDecision.Matched, "passed every filter", 0), Entry(subscription, eventId, DeliveryDecision.Held, "muted until 08:00", 0)],
            CancellationToken.None);
        await store.DeliveryLog.RecordAsync([Entry(subscription, eventId, DeliveryDecision.Sent, "sent as msg-1", 5)], CancellationToken.None);
        await store.DeliveryLog.RecordAsync([], CancellationToken.None);

        // Assert
        var entries = await store.DeliveryLog.GetAsync(subscription, eventId, CancellationToken.None);
        Assert.Equal([DeliveryDecision.Matched, DeliveryDecision.Held, DeliveryDecision.Sent], entries.Select(entry => entry.Decision));
        Assert.Equal(Entry(subscription, eventId, DeliveryDecision.Sent, "sent as msg-1", 5), entries[^1]);
        Assert.Empty(await store.DeliveryLog.GetAsync(other, otherEvent, CancellationToken.None));
    }
}
