using BorderAlertBot.Delivery;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Testing.Contracts;

public abstract partial class OutboxContract
{
    [SkippableFact]
    public async Task A_batch_whose_lease_is_renewed_while_it_is_sent_is_not_claimed_again_when_the_first_lease_ends()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var subscription = SubscriptionId.New();
        await store.Outbox.EnqueueAsync([Alert(subscription, Some.EventId())], "watcher", 1, CancellationToken.None);
        var batch = await ClaimOneAsync(store);
        var renewedUntil = Written.AddSeconds(20) + Lease;

        // Act
        var renewed = await store.Outbox.RenewLeaseAsync(batch.GroupId, Written + Lease, renewedUntil, CancellationToken.None);
        var atFirstEnd = await store.Outbox.ClaimDueAsync(Written + Lease, Lease, 16, CancellationToken.None);
        var afterRenewedEnd = await ClaimOneAsync(store, renewedUntil);

        // Assert
        Assert.True(renewed);
        Assert.Empty(atFirstEnd);
        Assert.Equal(batch.GroupId, afterRenewedEnd.GroupId);
    }

    [SkippableFact]
    public async Task A_renewal_never_undoes_a_retry_time_a_completion_or_another_dispatchers_claim()
    {
        // Arrange: three batches, one set to retry, one completed, one claimed again by another dispatcher after its lease.
        var store = await CreateStoreAsync();
        var (retried, completed, taken) = (SubscriptionId.New(), SubscriptionId.New(), SubscriptionId.New());
        await store.Outbox.EnqueueAsync([Alert(retried, Some.EventId()), Alert(completed, Some.EventId()), Alert(taken, Some.EventId())], "watcher", 1, CancellationToken.None);
        var batches = (await store.Outbox.ClaimDueAsync(Written, Lease, 16, CancellationToken.None)).ToDictionary(batch => batch.SubscriptionId);
        await store.Outbox.RetryLaterAsync(batches[retried].GroupId, Written.AddSeconds(10), "503", CancellationToken.None);
        await store.Outbox.CompleteAsync(batches[completed].GroupId, [batches[completed].Items[0].Id], "msg-1", Written, CancellationToken.None);
        await store.Outbox.RetryLaterAsync(batches[taken].GroupId, Written, "timeout", CancellationToken.None);
        var reclaimed = await store.Outbox.ClaimDueAsync(Written.AddSeconds(1), Lease, 16, CancellationToken.None);

        // Act
        var renewals = new List<bool>();
        foreach (var subscription in new[] { retried, completed, taken })
        {
            renewals.Add(await store.Outbox.RenewLeaseAsync(batches[subscription].GroupId, Written + Lease, Written.AddHours(1), CancellationToken.None));
        }

        // Assert
        Assert.Equal([false, false, false], renewals);
        Assert.Equal([taken], reclaimed.Select(batch => batch.SubscriptionId));
        Assert.Equal(Written.AddSeconds(10), await store.Outbox.NextDueAtAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_batch_to_retry_comes_back_whole_under_its_group_at_its_next_attempt_with_the_attempt_counted()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var subscription = SubscriptionId.New();
        await store.Outbox.EnqueueAsync([Alert(subscription, Some.EventId()), Alert(subscription, Some.EventId())], "watcher", 1, CancellationToken.None);
        var batch = await ClaimOneAsync(store);
        var next = Written.AddSeconds(30);

        // Act
        await store.Outbox.RetryLaterAsync(batch.GroupId, next, "503 Service Unavailable", CancellationToken.None);
        var early = await store.Outbox.ClaimDueAsync(next.AddSeconds(-1), Lease, 16, CancellationToken.None);
        var due = await store.Outbox.NextDueAtAsync(CancellationToken.None);
        var retried = await ClaimOneAsync(store, next);

        // Assert
        Assert.Empty(early);
        Assert.Equal(next, due);
        Assert.Equal(batch.GroupId, retried.GroupId);
        Assert.Equal([1, 1], retried.Items.Select(item => item.Attempts));
        Assert.Equal(1, retried.Attempts);
    }

    [SkippableFact]
    public async Task A_dead_lettered_batch_is_never_claimed_again_and_no_longer_counts_as_alerted()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var subscription = SubscriptionId.New();
        var eventId = Some.EventId();
        await store.Outbox.EnqueueAsync([Alert(subscription, eventId)], "watcher", 1, CancellationToken.None);
        var alertedWhileQueued = await store.Outbox.GetAlertedSubscriptionsAsync(eventId, CancellationToken.None);
        var batch = await ClaimOneAsync(store);

        // Act
        await store.Outbox.DeadLetterAsync(batch.GroupId, "gave up", CancellationToken.None);

        // Assert
        Assert.Equal([subscription], alertedWhileQueued);
        Assert.Empty(await store.Outbox.ClaimDueAsync(Written.AddDays(1), Lease, 16, CancellationToken.None));
        Assert.Equal(new OutboxCounts(0, 0, 1), await store.Outbox.CountAsync(CancellationToken.None));
        Assert.Empty(await store.Outbox.GetAlertedSubscriptionsAsync(eventId, CancellationToken.None));
        Assert.Null(await store.Outbox.NextDueAtAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_batch_whose_lease_ended_at_shutdown_is_claimed_again_at_once_under_the_same_group()
    {
        var store = await CreateStoreAsync();
        var subscription = SubscriptionId.New();
        await store.Outbox.EnqueueAsync([Alert(subscription, Some.EventId())], "watcher", 1, CancellationToken.None);
        var batch = await ClaimOneAsync(store);

        await store.Outbox.EndLeaseAsync(batch.GroupId, CancellationToken.None);
        var again = await ClaimOneAsync(store);

        Assert.Equal((batch.GroupId, 0), (again.GroupId, again.Attempts));
        Assert.Equal(batch.Items.Select(item => item.Id), again.Items.Select(item => item.Id));
    }

    [SkippableFact]
    public async Task A_released_batch_is_claimed_again_under_a_new_group_without_an_attempt_counted()
    {
        var store = await CreateStoreAsync();
        var subscription = SubscriptionId.New();
        await store.Outbox.EnqueueAsync([Alert(subscription, Some.EventId())], "watcher", 1, CancellationToken.None);
        var batch = await ClaimOneAsync(store);

        await store.Outbox.ReleaseAsync(batch.GroupId, CancellationToken.None);
        var again = await ClaimOneAsync(store);

        Assert.NotEqual(batch.GroupId, again.GroupId);
        Assert.Equal((batch.Items[0].Id, 0), (again.Items[0].Id, again.Items[0].Attempts));
    }

    [SkippableFact]
    public async Task Bringing_forward_makes_a_subscriptions_waiting_rows_due_and_leaves_others_alone()
    {
        // Arrange: a mute held two alerts until tomorrow; another subscription's row waits too.
        var store = await CreateStoreAsync();
        var (muted, other) = (SubscriptionId.New(), SubscriptionId.New());
        var tomorrow = Written.AddDays(1);
        await store.Outbox.EnqueueAsync([Alert(muted, Some.EventId(), tomorrow), Alert(muted, Some.EventId(), tomorrow), Alert(other, Some.EventId(), tomorrow)],
            "watcher", 1, CancellationToken.None);

        // Act
        var moved = await store.Outbox.BringForwardAsync(muted, Written, CancellationToken.None);
        var again = await store.Outbox.BringForwardAsync(muted, Written, CancellationToken.None);
        var batch = await ClaimOneAsync(store);

        // Assert
        Assert.Equal((2, 0), (moved, again));
        Assert.Equal(muted, batch.SubscriptionId);
        Assert.Equal(2, batch.Items.Count);
        await store.Outbox.CompleteAsync(batch.GroupId, [.. batch.Items.Select(item => item.Id)], "msg-1", Written, CancellationToken.None);
        Assert.Empty(await store.Outbox.ClaimDueAsync(Written.AddHours(1), Lease, 16, CancellationToken.None));
        Assert.Equal(other, (await ClaimOneAsync(store, tomorrow)).SubscriptionId);
    }

    [SkippableFact]
    public async Task The_next_due_time_is_the_earliest_waiting_row_or_the_end_of_a_lease_in_flight()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var (soon, later) = (SubscriptionId.New(), SubscriptionId.New());
        var empty = await store.Outbox.NextDueAtAsync(CancellationToken.None);
        await store.Outbox.EnqueueAsync([Alert(soon, Some.EventId(), Written), Alert(later, Some.EventId(), Written.AddHours(2))], "watcher", 1, CancellationToken.None);
        var beforeClaim = await store.Outbox.NextDueAtAsync(CancellationToken.None);

        // Act
        await ClaimOneAsync(store);

        // Assert
        Assert.Null(empty);
        Assert.Equal(Written, beforeClaim);
        Assert.Equal(Written + Lease, await store.Outbox.NextDueAtAsync(CancellationToken.None));
    }
}
