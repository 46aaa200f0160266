using BorderAlertBot.Answers;
using BorderAlertBot.Delivery;
using BorderAlertBot.Digests;
using BorderAlertBot.Domain;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Store.Sqlite.Tests;

/// <summary>Digests in the SQLite outbox and the subscriptions a channel's commands read.</summary>
public sealed class SqliteDigestOutboxTests : IDisposable
{
    private static readonly DigestSchedule Schedule = new(new TimeOnly(7, 30), "Asia/Yangon", new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly SqliteStoreFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task A_slot_is_recorded_once_however_often_it_is_enqueued_and_the_latest_slot_never_moves_back()
    {
        // Arrange
        var (outbox, subscription) = await OutboxWithSubscriptionAsync();
        var first = Schedule.SlotOn(new DateOnly(2026, 11, 1));
        var second = Schedule.SlotOn(new DateOnly(2026, 11, 2));

        // Act
        var added = await outbox.EnqueueDigestsAsync([Entry(subscription, second)], CancellationToken.None);
        var again = await outbox.EnqueueDigestsAsync([Entry(subscription, second)], CancellationToken.None);
        await outbox.EnqueueDigestsAsync([Entry(subscription, first)], CancellationToken.None);

        // Assert
        Assert.Equal((1, 0), (added, again));
        Assert.Equal(second.At, (await outbox.GetLastDigestSlotsAsync(CancellationToken.None))[subscription.Id]);
        Assert.Equal(2L, (await outbox.CountAsync(CancellationToken.None)).Pending);
    }

    [Fact]
    public async Task A_claimed_digest_comes_back_with_the_content_composed_at_its_slot_and_is_sent_once()
    {
        // Arrange
        var (outbox, subscription) = await OutboxWithSubscriptionAsync();
        var slot = Schedule.SlotOn(new DateOnly(2026, 11, 1));
        var entry = Entry(subscription, slot);
        await outbox.EnqueueDigestsAsync([entry], CancellationToken.None);

        // Act
        var batch = Assert.Single(await outbox.ClaimDueAsync(_fixture.Time.GetUtcNow(), TimeSpan.FromMinutes(1), 16, CancellationToken.None));
        var digest = Assert.Single(batch.Digests);
        await outbox.CompleteAsync(batch.GroupId, [digest.Id], "msg-1", _fixture.Time.GetUtcNow(), CancellationToken.None);
        var afterwards = await outbox.ClaimDueAsync(_fixture.Time.GetUtcNow(), TimeSpan.FromMinutes(1), 16, CancellationToken.None);

        // Assert
        Assert.Empty(batch.Items);
        Assert.Equal(entry.Key, digest.Key);
        var content = digest.Read();
        Assert.Equal((subscription.Id, slot.LocalDate, 3), (content.SubscriptionId, content.LocalDate, content.EventCount));
        Assert.Equal(entry.Content!.TopEvents, content.TopEvents);
        Assert.Empty(afterwards);
        Assert.Equal((0L, 1L), ((await outbox.CountAsync(CancellationToken.None)).Pending, (await outbox.CountAsync(CancellationToken.None)).Sent));
    }

    [Fact]
    public async Task A_quiet_slot_that_sends_nothing_is_recorded_with_nothing_to_claim()
    {
        var (outbox, subscription) = await OutboxWithSubscriptionAsync();
        var slot = Schedule.SlotOn(new DateOnly(2026, 11, 1));

        await outbox.EnqueueDigestsAsync([Entry(subscription, slot) with { Content = null }], CancellationToken.None);

        Assert.Empty(await outbox.ClaimDueAsync(_fixture.Time.GetUtcNow(), TimeSpan.FromMinutes(1), 16, CancellationToken.None));
        Assert.Equal(slot.At, (await outbox.GetLastDigestSlotsAsync(CancellationToken.None))[subscription.Id]);
    }

    [Fact]
    public async Task A_channel_reads_only_its_own_subscriptions_oldest_first_with_their_digests()
    {
        // Arrange
        var database = _fixture.Database(_fixture.NewPath());
        var store = new SqliteSubscriptionStore(database, _fixture.Time);
        var channel = new DeliveryTarget(TargetKind.SlackChannel, "C0NEWSDESK");
        var older = new SubscriptionBuilder().To(channel).CreatedBy("a", _fixture.Time.GetUtcNow().AddDays(-2)).Build() with { Digest = Schedule };
        var newer = new SubscriptionBuilder().To(channel).CreatedBy("b", _fixture.Time.GetUtcNow()).Build();
        var elsewhere = new SubscriptionBuilder().To(new DeliveryTarget(TargetKind.SlackChannel, "C0OTHER")).Build();
        foreach (var subscription in new[] { newer, elsewhere, older })
        {
            await store.AddAsync(subscription, CancellationToken.None);
        }

        // Act
        var own = await store.ListForTargetAsync(channel, CancellationToken.None);

        // Assert
        Assert.Equal([older.Id, newer.Id], own.Select(subscription => subscription.Id));
        Assert.Equal(Schedule, own[0].Digest);
        Assert.Null(own[1].Digest);
    }

    private async Task<(SqliteOutboxStore Outbox, Subscription Subscription)> OutboxWithSubscriptionAsync()
    {
        var database = _fixture.Database(_fixture.NewPath());
        var subscription = new SubscriptionBuilder().Build() with { Digest = Schedule };
        await new SqliteSubscriptionStore(database, _fixture.Time).AddAsync(subscription, CancellationToken.None);
        return (new SqliteOutboxStore(database, new OutboxSignal(_fixture.Time)), subscription);
    }

    private DigestEntry Entry(Subscription subscription, DigestSlot slot)
    {
        var top = EventLine.Of(new EventBuilder().Build());
        var content = new DigestContent(subscription.Id, "all kinds · everywhere · verified only", slot.LocalDate, Schedule.TimeZoneId,
            Schedule.Before(slot).At, slot.At, IsLate: false, [new KindTrend(EventKind.BorderClash, 3, 1, 8, 1)], [top], [], 0, [], 0, [], [], [],
            slot.LocalDate.AddDays(-27), slot.LocalDate, EventCount: 3);
        return new DigestEntry(subscription.Id, subscription.Target.Key, slot, _fixture.Time.GetUtcNow(), content);
    }
}
