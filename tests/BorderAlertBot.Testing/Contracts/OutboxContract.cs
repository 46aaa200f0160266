using BorderAlertBot.Delivery;
using BorderAlertBot.Domain;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Testing.Contracts;

/// <summary>
/// What every outbox must do: enqueue each key once with the watcher's cursor, claim one batch per subscription under a
/// lease, give a crashed dispatcher's batch back when its lease runs out, and finish a batch in every way a dispatcher can.
/// </summary>
public abstract partial class OutboxContract : StoreContract
{
    protected static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    protected static OutboxEntry Alert(SubscriptionId subscription, EventId eventId, DateTimeOffset? due = null, int revision = 1, bool groupable = false) =>
        new(subscription, "console:default", eventId, revision, OutboxAction.Alert, Written, due ?? Written, groupable);

    protected static OutboxEntry FollowUp(SubscriptionId subscription, EventId eventId, int revision, DateTimeOffset? due = null, OutboxAction action = OutboxAction.Update) =>
        new(subscription, "console:default", eventId, revision, action, Written, due ?? Written);

    protected static async Task<OutboxBatch> ClaimOneAsync(StoreUnderTest store, DateTimeOffset? at = null) =>
        Assert.Single(await store.Outbox.ClaimDueAsync(at ?? Written, Lease, 16, CancellationToken.None));

    [SkippableFact]
    public async Task Enqueueing_adds_each_key_once_and_moves_the_cursor_in_the_same_write()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var subscription = SubscriptionId.New();
        var (first, second) = (Some.EventId(), Some.EventId());

        // Act
        var added = await store.Outbox.EnqueueAsync([Alert(subscription, first), Alert(subscription, second)], "watcher", 5, CancellationToken.None);
        var cursorAfterFirst = await store.Cursors.GetAsync("watcher", CancellationToken.None);
        var again = await store.Outbox.EnqueueAsync([Alert(subscription, first), Alert(subscription, second)], "watcher", 7, CancellationToken.None);

        // Assert
        Assert.Equal((2, 0), (added, again));
        Assert.Equal(5, cursorAfterFirst);
        Assert.Equal(7, await store.Cursors.GetAsync("watcher", CancellationToken.None));
        Assert.Equal(new OutboxCounts(2, 0, 0), await store.Outbox.CountAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task An_empty_enqueue_still_moves_the_cursor()
    {
        var store = await CreateStoreAsync();

        Assert.Equal(0, await store.Outbox.EnqueueAsync([], "watcher", 12, CancellationToken.None));

        Assert.Equal(12, await store.Cursors.GetAsync("watcher", CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_claim_takes_one_batch_per_subscription_with_every_due_row_oldest_subscription_first()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var (a, b, c) = (SubscriptionId.New(), SubscriptionId.New(), SubscriptionId.New());
        var (e1, e2, e3, e4) = (Some.EventId(), Some.EventId(), Some.EventId(), Some.EventId());
        await store.Outbox.EnqueueAsync(
            [Alert(b, e1), Alert(a, e2), Alert(b, e3, revision: 2), Alert(c, e4, due: Written.AddMinutes(5))], "watcher", 1, CancellationToken.None);

        // Act
        var batches = await store.Outbox.ClaimDueAsync(Written, Lease, 16, CancellationToken.None);

        // Assert
        Assert.Equal([b, a], batches.Select(batch => batch.SubscriptionId));
        Assert.Equal([(e1, 1), (e3, 2)], batches[0].Items.Select(item => (item.EventId, item.Revision)));
        Assert.All(batches[0].Items, item => Assert.Equal((b, OutboxAction.Alert, Written, Written, 0), (item.SubscriptionId, item.Action, item.CreatedAt, item.DueAt, item.Attempts)));
        Assert.Equal(Alert(b, e1).Key, batches[0].Items[0].Key);
        Assert.True(batches[0].Items[0].Id < batches[0].Items[1].Id);
        Assert.NotEqual(batches[0].GroupId, batches[1].GroupId);
        Assert.Empty(batches[0].Digests);
    }

    [SkippableFact]
    public async Task A_claim_takes_at_most_the_batches_asked_for_and_the_next_claim_takes_the_rest()
    {
        var store = await CreateStoreAsync();
        var subscriptions = Enumerable.Range(0, 5).Select(_ => SubscriptionId.New()).ToList();
        await store.Outbox.EnqueueAsync([.. subscriptions.Select(subscription => Alert(subscription, Some.EventId()))], "watcher", 1, CancellationToken.None);

        var first = await store.Outbox.ClaimDueAsync(Written, Lease, 3, CancellationToken.None);
        var second = await store.Outbox.ClaimDueAsync(Written, Lease, 3, CancellationToken.None);

        Assert.Equal(subscriptions.Take(3), first.Select(batch => batch.SubscriptionId));
        Assert.Equal(subscriptions.Skip(3), second.Select(batch => batch.SubscriptionId));
        Assert.Empty(await store.Outbox.ClaimDueAsync(Written, Lease, 3, CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_subscription_with_a_batch_in_flight_gets_no_second_batch_until_the_first_is_done()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var subscription = SubscriptionId.New();
        await store.Outbox.EnqueueAsync([Alert(subscription, Some.EventId())], "watcher", 1, CancellationToken.None);
        var first = await ClaimOneAsync(store);
        var later = Some.EventId();
        await store.Outbox.EnqueueAsync([Alert(subscription, later)], "watcher", 2, CancellationToken.None);

        // Act
        var whileInFlight = await store.Outbox.ClaimDueAsync(Written, Lease, 16, CancellationToken.None);
        await store.Outbox.CompleteAsync(first.GroupId, [first.Items[0].Id], "msg-1", Written, CancellationToken.None);
        var afterwards = await ClaimOneAsync(store);

        // Assert
        Assert.Empty(whileInFlight);
        Assert.Equal([later], afterwards.Items.Select(item => item.EventId));
        Assert.NotEqual(first.GroupId, afterwards.GroupId);
    }

    [SkippableFact]
    public async Task A_paused_subscriptions_rows_wait_unclaimed_and_do_not_count_as_due()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var paused = new SubscriptionBuilder().PausedBecause("channel gone", Written).Build();
        await store.Subscriptions.AddAsync(paused, CancellationToken.None);
        await store.Outbox.EnqueueAsync([Alert(paused.Id, Some.EventId())], "watcher", 1, CancellationToken.None);

        // Act and assert
        Assert.Empty(await store.Outbox.ClaimDueAsync(Written, Lease, 16, CancellationToken.None));
        Assert.Null(await store.Outbox.NextDueAtAsync(CancellationToken.None));
        await store.Subscriptions.UpdateAsync(paused with { Paused = null }, CancellationToken.None);
        Assert.Equal(paused.Id, (await ClaimOneAsync(store)).SubscriptionId);
    }

    [SkippableFact]
    public async Task A_crashed_instances_batch_returns_to_the_pool_whole_under_its_group_when_its_lease_expires()
    {
        // Arrange: claimed and then never finished, as by a dispatcher that died mid-send.
        var store = await CreateStoreAsync();
        var subscription = SubscriptionId.New();
        await store.Outbox.EnqueueAsync([Alert(subscription, Some.EventId()), Alert(subscription, Some.EventId())], "watcher", 1, CancellationToken.None);
        var claimed = await ClaimOneAsync(store);

        // Act
        var duringLease = await store.Outbox.ClaimDueAsync(Written + Lease - TimeSpan.FromSeconds(1), Lease, 16, CancellationToken.None);
        var afterLease = await ClaimOneAsync(store, Written + Lease);

        // Assert
        Assert.Empty(duringLease);
        Assert.Equal(claimed.GroupId, afterLease.GroupId);
        Assert.Equal(claimed.Items.Select(item => item.Id), afterLease.Items.Select(item => item.Id));
        Assert.Equal(Written + Lease + Lease, await store.Outbox.NextDueAtAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_completed_part_of_a_batch_is_sent_and_the_rest_of_the_batch_stays_with_its_group()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var subscription = SubscriptionId.New();
        var (grouped, other, rest) = (Some.EventId(), Some.EventId(), Some.EventId());
        await store.Outbox.EnqueueAsync([Alert(subscription, grouped), Alert(subscription, other), Alert(subscription, rest)], "watcher", 1, CancellationToken.None);
        var batch = await ClaimOneAsync(store);

        // Act
        await store.Outbox.CompleteAsync(batch.GroupId, [batch.Items[0].Id, batch.Items[1].Id], "msg-1", Written, CancellationToken.None);
        var again = await ClaimOneAsync(store, Written + Lease);

        // Assert
        Assert.Equal(new OutboxCounts(1, 2, 0), await store.Outbox.CountAsync(CancellationToken.None));
        Assert.Equal((batch.GroupId, rest), (again.GroupId, Assert.Single(again.Items).EventId));
        var message = await store.Outbox.TryGetAlertMessageAsync(subscription, other, CancellationToken.None);
        Assert.Equal("msg-1", message?.MessageRef);
        Assert.Equal([grouped, other], message?.EventIds);
        Assert.Null(await store.Outbox.TryGetAlertMessageAsync(subscription, rest, CancellationToken.None));
    }

    [SkippableFact]
    public async Task An_alert_completed_without_a_message_has_no_message_to_edit()
    {
        var store = await CreateStoreAsync();
        var subscription = SubscriptionId.New();
        var withdrawn = Some.EventId();
        await store.Outbox.EnqueueAsync([Alert(subscription, withdrawn)], "watcher", 1, CancellationToken.None);
        var batch = await ClaimOneAsync(store);

        await store.Outbox.CompleteAsync(batch.GroupId, [batch.Items[0].Id], string.Empty, Written, CancellationToken.None);

        Assert.Null(await store.Outbox.TryGetAlertMessageAsync(subscription, withdrawn, CancellationToken.None));
        Assert.Equal(new OutboxCounts(0, 1, 0), await store.Outbox.CountAsync(CancellationToken.None));
    }
}
