using BorderAlertBot.Answers;
using BorderAlertBot.Delivery;
using BorderAlertBot.Digests;
using BorderAlertBot.Domain;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Testing.Contracts;

public abstract partial class OutboxContract
{
    private static readonly DigestSchedule Schedule = new(new TimeOnly(7, 30), "Asia/Yangon", new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero));

    [SkippableFact]
    public async Task A_digest_slot_is_recorded_once_however_often_it_is_enqueued_and_the_latest_slot_never_moves_back()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var subscription = await DigestSubscriptionAsync(store);
        var first = Schedule.SlotOn(new DateOnly(2026, 11, 1));
        var second = Schedule.SlotOn(new DateOnly(2026, 11, 2));

        // Act
        var added = await store.Outbox.EnqueueDigestsAsync([Digest(subscription, second)], CancellationToken.None);
        var again = await store.Outbox.EnqueueDigestsAsync([Digest(subscription, second)], CancellationToken.None);
        await store.Outbox.EnqueueDigestsAsync([Digest(subscription, first)], CancellationToken.None);

        // Assert
        Assert.Equal((1, 0), (added, again));
        Assert.Equal(second.At, (await store.Outbox.GetLastDigestSlotsAsync(CancellationToken.None))[subscription.Id]);
        Assert.Equal(2L, (await store.Outbox.CountAsync(CancellationToken.None)).Pending);
    }

    [SkippableFact]
    public async Task A_claimed_digest_comes_back_with_the_content_composed_at_its_slot_and_is_sent_once()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var subscription = await DigestSubscriptionAsync(store);
        var slot = Schedule.SlotOn(new DateOnly(2026, 11, 1));
        var entry = Digest(subscription, slot);
        await store.Outbox.EnqueueDigestsAsync([entry], CancellationToken.None);

        // Act
        var batch = await ClaimOneAsync(store);
        var digest = Assert.Single(batch.Digests);
        await store.Outbox.CompleteAsync(batch.GroupId, [digest.Id], "msg-1", Written, CancellationToken.None);
        var afterwards = await store.Outbox.ClaimDueAsync(Written, Lease, 16, CancellationToken.None);

        // Assert
        Assert.Empty(batch.Items);
        Assert.Equal(entry.Key, digest.Key);
        var content = digest.Read();
        Assert.Equal((subscription.Id, slot.LocalDate, 3), (content.SubscriptionId, content.LocalDate, content.EventCount));
        Assert.Equal(entry.Content!.TopEvents, content.TopEvents);
        Assert.Empty(afterwards);
        Assert.Equal(new OutboxCounts(0, 1, 0), await store.Outbox.CountAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_quiet_slot_that_sends_nothing_is_recorded_with_nothing_to_claim()
    {
        var store = await CreateStoreAsync();
        var subscription = await DigestSubscriptionAsync(store);
        var slot = Schedule.SlotOn(new DateOnly(2026, 11, 1));

        await store.Outbox.EnqueueDigestsAsync([Digest(subscription, slot) with { Content = null }], CancellationToken.None);

        Assert.Empty(await store.Outbox.ClaimDueAsync(Written, Lease, 16, CancellationToken.None));
        Assert.Equal(slot.At, (await store.Outbox.GetLastDigestSlotsAsync(CancellationToken.None))[subscription.Id]);
        Assert.Equal(new OutboxCounts(0, 0, 0), await store.Outbox.CountAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_digest_goes_in_the_same_batch_as_its_subscriptions_alerts()
    {
        var store = await CreateStoreAsync();
        var subscription = await DigestSubscriptionAsync(store);
        await store.Outbox.EnqueueAsync([Alert(subscription.Id, Some.EventId())], "watcher", 1, CancellationToken.None);
        await store.Outbox.EnqueueDigestsAsync([Digest(subscription, Schedule.SlotOn(new DateOnly(2026, 11, 1)))], CancellationToken.None);

        var batch = await ClaimOneAsync(store);

        Assert.Equal((1, 1), (batch.Items.Count, batch.Digests.Count));
    }

    private static async Task<Subscription> DigestSubscriptionAsync(StoreUnderTest store)
    {
        var subscription = new SubscriptionBuilder().Build() with { Digest = Schedule };
        await store.Subscriptions.AddAsync(subscription, CancellationToken.None);
        return subscription;
    }

    private static DigestEntry Digest(Subscription subscription, DigestSlot slot)
    {
        var top = EventLine.Of(new EventBuilder().Build());
        var content = new DigestContent(subscription.Id, "all kinds · everywhere · verified only", slot.LocalDate, Schedule.TimeZoneId,
            Schedule.Before(slot).At, slot.At, IsLate: false, [new KindTrend(EventKind.BorderClash, 3, 1, 8, 1)], [top], [], 0, [], 0, [], [], [],
            slot.LocalDate.AddDays(-27), slot.LocalDate, EventCount: 3);
        return new DigestEntry(subscription.Id, subscription.Target.Key, slot, Written, content);
    }
}
