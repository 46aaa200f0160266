using BorderAlertBot.Delivery;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Testing.Contracts;

public abstract partial class OutboxContract
{
    [SkippableFact]
    public async Task A_groupable_alert_joins_the_subscriptions_waiting_group_and_goes_when_it_goes()
    {
        // Arrange: the first alert waits for its 10-minute group window; the second arrives 2 minutes later.
        var store = await CreateStoreAsync();
        var subscription = SubscriptionId.New();
        var (first, second) = (Some.EventId(), Some.EventId());
        await store.Outbox.EnqueueAsync([Alert(subscription, first, Written.AddMinutes(10), groupable: true)], "watcher", 1, CancellationToken.None);

        // Act
        await store.Outbox.EnqueueAsync([Alert(subscription, second, Written.AddMinutes(12), groupable: true)], "watcher", 2, CancellationToken.None);
        var batch = await ClaimOneAsync(store, Written.AddMinutes(10));

        // Assert
        Assert.Equal([first, second], batch.Items.Select(item => item.EventId));
        Assert.All(batch.Items, item => Assert.Equal(Written.AddMinutes(10), item.DueAt));
    }

    [SkippableFact]
    public async Task A_groupable_alert_in_the_same_enqueue_as_the_first_joins_it_too()
    {
        var store = await CreateStoreAsync();
        var subscription = SubscriptionId.New();

        await store.Outbox.EnqueueAsync(
            [Alert(subscription, Some.EventId(), Written.AddMinutes(10), groupable: true), Alert(subscription, Some.EventId(), Written.AddMinutes(12), groupable: true)],
            "watcher", 1, CancellationToken.None);

        Assert.Equal(2, (await ClaimOneAsync(store, Written.AddMinutes(10))).Items.Count);
    }

    [SkippableFact]
    public async Task A_follow_up_never_goes_before_the_alert_it_follows()
    {
        // Arrange: the alert waits for a mute until 08:00; its update is due at once.
        var store = await CreateStoreAsync();
        var subscription = SubscriptionId.New();
        var eventId = Some.EventId();
        var muteEnds = Written.AddHours(8);
        await store.Outbox.EnqueueAsync([Alert(subscription, eventId, muteEnds)], "watcher", 1, CancellationToken.None);

        // Act
        await store.Outbox.EnqueueAsync([FollowUp(subscription, eventId, 2)], "watcher", 2, CancellationToken.None);

        // Assert
        Assert.Empty(await store.Outbox.ClaimDueAsync(Written, Lease, 16, CancellationToken.None));
        var batch = await ClaimOneAsync(store, muteEnds);
        Assert.Equal([OutboxAction.Alert, OutboxAction.Update], batch.Items.Select(item => item.Action));
        Assert.Equal(muteEnds, batch.Items[1].DueAt);
    }

    [SkippableFact]
    public async Task A_follow_up_for_the_revision_that_raised_the_alert_or_an_earlier_one_is_not_added()
    {
        var store = await CreateStoreAsync();
        var subscription = SubscriptionId.New();
        var eventId = Some.EventId();
        await store.Outbox.EnqueueAsync([Alert(subscription, eventId, revision: 3)], "watcher", 1, CancellationToken.None);

        var stale = await store.Outbox.EnqueueAsync([FollowUp(subscription, eventId, 3), FollowUp(subscription, eventId, 2, action: OutboxAction.Retract)], "watcher", 2, CancellationToken.None);
        var newer = await store.Outbox.EnqueueAsync([FollowUp(subscription, eventId, 4)], "watcher", 3, CancellationToken.None);

        Assert.Equal((0, 1), (stale, newer));
    }
}
