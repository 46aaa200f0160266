using BorderAlertBot.Answers;
using BorderAlertBot.Delivery;
using BorderAlertBot.Digests;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Testing.Builders;
using BorderAlertBot.Tests.Delivery;

namespace BorderAlertBot.Tests.Digests;

/// <summary>Digests scheduled, recorded and sent through the outbox on a real store, with the clock driven by hand.</summary>
public sealed class DigestDeliveryTests
{
    // 07:30 in Yangon is 01:00 UTC. The pipeline's clock starts at 2024-03-01 09:00 UTC (15:30 in Yangon).
    private static readonly DigestSchedule Yangon0730 = new(new TimeOnly(7, 30), "Asia/Yangon", DeliveryPipeline.Start);
    private static readonly DateTimeOffset March2Slot = new(2024, 3, 2, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_digest_goes_out_once_at_its_local_time_with_the_events_of_the_day_before()
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        var subscription = await SubscribeWithDigestAsync(pipeline);
        var clash = await pipeline.ImportAsync(new EventBuilder().OccurredOn(new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero)).Build());
        await pipeline.RunAsync();
        var alerts = pipeline.Sender.Messages.Count;

        // Act
        pipeline.AdvanceTo(March2Slot - TimeSpan.FromSeconds(1));
        var early = await pipeline.ScheduleDigestsAsync();
        pipeline.AdvanceTo(March2Slot);
        var due = await pipeline.ScheduleDigestsAsync();
        var again = await pipeline.ScheduleDigestsAsync();
        await pipeline.DispatchAsync();
        await pipeline.DispatchAsync();

        // Assert
        Assert.Equal((0, 1, 0), (early, due, again));
        var digest = Assert.Single(pipeline.Sender.Digests);
        Assert.Equal(subscription.Target, digest.Target);
        Assert.Equal($"{subscription.Id}/digest/20240302T0100Z", digest.IdempotencyKey);
        Assert.Equal("Daily digest · Sat 2 Mar 2024", digest.Digest!.Title);
        var text = AnswerTextRenderer.Render(digest.Digest);
        Assert.Contains("1 event from Fri 1 Mar 07:30 to Sat 2 Mar 07:30 (Asia/Yangon)", text, StringComparison.Ordinal);
        Assert.Contains(clash.Id.Value, text, StringComparison.Ordinal);
        Assert.NotNull(digest.Digest.Image);
        Assert.Equal(alerts, pipeline.Sender.Messages.Count);
    }

    [Fact]
    public async Task A_slot_is_sent_exactly_once_across_a_restart()
    {
        // Arrange: the first process records the slot and dies before sending it.
        using var first = await DeliveryPipeline.StartAsync();
        await SubscribeWithDigestAsync(first);
        first.AdvanceTo(March2Slot);
        await first.ScheduleDigestsAsync();

        // Act: the restarted process schedules again (nothing new) and sends what the first left.
        using var second = await first.StartAnotherProcessAsync();
        var scheduledAgain = await second.ScheduleDigestsAsync();
        await second.DispatchAsync();
        await first.ScheduleDigestsAsync();
        await first.DispatchAsync();

        // Assert
        Assert.Equal(0, scheduledAgain);
        Assert.Single(second.Sender.Digests);
    }

    [Fact]
    public async Task After_downtime_only_the_latest_missed_slot_is_sent_marked_late_and_covering_since_the_last_digest()
    {
        // Arrange: the 2 March digest went out; the bot is then down until 5 March 10:00 UTC.
        using var pipeline = await DeliveryPipeline.StartAsync();
        var subscription = await SubscribeWithDigestAsync(pipeline);
        pipeline.AdvanceTo(March2Slot);
        await pipeline.ScheduleDigestsAsync();
        await pipeline.DispatchAsync();
        var missed = await pipeline.ImportAsync(new EventBuilder().OccurredOn(new DateTimeOffset(2024, 3, 3, 12, 0, 0, TimeSpan.Zero)).Build());

        // Act
        pipeline.AdvanceTo(new DateTimeOffset(2024, 3, 5, 10, 0, 0, TimeSpan.Zero));
        var scheduled = await pipeline.ScheduleDigestsAsync();
        await pipeline.DispatchAsync();

        // Assert
        Assert.Equal(1, scheduled);
        var late = pipeline.Sender.Digests[^1];
        Assert.Equal(2, pipeline.Sender.Digests.Count);
        Assert.Equal($"{subscription.Id}/digest/20240305T0100Z", late.IdempotencyKey);
        Assert.Equal("Daily digest · Tue 5 Mar 2024 · late", late.Digest!.Title);
        var text = AnswerTextRenderer.Render(late.Digest);
        Assert.Contains("from Sat 2 Mar 07:30 to Tue 5 Mar 07:30 (Asia/Yangon)", text, StringComparison.Ordinal);
        Assert.Contains(missed.Id.Value, text, StringComparison.Ordinal);
        Assert.Contains("Sent late", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quiet_day_sends_one_quiet_line()
    {
        using var pipeline = await DeliveryPipeline.StartAsync();
        await SubscribeWithDigestAsync(pipeline);

        pipeline.AdvanceTo(March2Slot);
        await pipeline.ScheduleDigestsAsync();
        await pipeline.DispatchAsync();

        var digest = Assert.Single(pipeline.Sender.Digests).Digest!;
        Assert.StartsWith("Quiet: no verified events from Fri 1 Mar 07:30 to Sat 2 Mar 07:30 (Asia/Yangon)", Assert.IsType<AnswerBlock.Paragraph>(Assert.Single(digest.Blocks)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quiet_day_on_a_digest_set_to_send_nothing_sends_nothing_but_the_next_window_starts_after_it()
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        await SubscribeWithDigestAsync(pipeline, Yangon0730 with { WhenQuiet = DigestWhenQuiet.Nothing });
        pipeline.AdvanceTo(March2Slot);
        var quietDay = await pipeline.ScheduleDigestsAsync();
        await pipeline.DispatchAsync();
        var afterQuietDay = pipeline.Sender.RawCalls.Count;
        await pipeline.ImportAsync(new EventBuilder().OccurredOn(new DateTimeOffset(2024, 3, 2, 12, 0, 0, TimeSpan.Zero)).Build());
        await pipeline.RunAsync();

        // Act
        pipeline.AdvanceTo(March2Slot.AddDays(1));
        await pipeline.ScheduleDigestsAsync();
        await pipeline.DispatchAsync();

        // Assert
        Assert.Equal(1, quietDay);
        Assert.Equal(0, afterQuietDay);
        var text = AnswerTextRenderer.Render(Assert.Single(pipeline.Sender.Digests).Digest!);
        Assert.Contains("1 event from Sat 2 Mar 07:30 to Sun 3 Mar 07:30 (Asia/Yangon)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_paused_subscription_gets_no_digest_and_its_first_after_resuming_covers_since_the_last_one()
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        var subscription = await SubscribeWithDigestAsync(pipeline);
        pipeline.AdvanceTo(March2Slot);
        await pipeline.ScheduleDigestsAsync();
        await pipeline.DispatchAsync();
        await pipeline.Subscriptions.UpdateAsync(subscription with { Paused = new PauseState("channel archived", March2Slot) }, CancellationToken.None);

        // Act
        pipeline.AdvanceTo(March2Slot.AddDays(1));
        var whilePaused = await pipeline.ScheduleDigestsAsync();
        await pipeline.Subscriptions.UpdateAsync(subscription, CancellationToken.None);
        pipeline.AdvanceTo(March2Slot.AddDays(2));
        await pipeline.ScheduleDigestsAsync();
        await pipeline.DispatchAsync();

        // Assert
        Assert.Equal(0, whilePaused);
        Assert.Equal(2, pipeline.Sender.Digests.Count);
        Assert.Contains("from Sat 2 Mar 07:30 to Mon 4 Mar 07:30", AnswerTextRenderer.Render(pipeline.Sender.Digests[1].Digest!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_digest_the_platform_refuses_for_a_while_is_retried_under_the_same_key_and_posted_once()
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        await SubscribeWithDigestAsync(pipeline);
        pipeline.AdvanceTo(March2Slot);
        await pipeline.ScheduleDigestsAsync();
        pipeline.Sender.ReturnNext(new DeliveryResult.RetryAfter(TimeSpan.FromSeconds(30), "429 Too Many Requests"));

        // Act
        await pipeline.DispatchAsync();
        pipeline.Advance(TimeSpan.FromMinutes(1));
        await pipeline.DispatchAsync();

        // Assert
        Assert.Equal(2, pipeline.Sender.RawCalls.Count);
        Assert.Equal(pipeline.Sender.RawCalls[0].IdempotencyKey, pipeline.Sender.RawCalls[1].IdempotencyKey);
        Assert.Single(pipeline.Sender.Digests);
    }

    [Fact]
    public async Task Across_the_spring_forward_a_02_30_digest_in_New_York_goes_at_03_30_local_that_day()
    {
        // Arrange: New York skips 02:00–03:00 on 10 March 2024.
        using var pipeline = await DeliveryPipeline.StartAsync(new DateTimeOffset(2024, 3, 9, 12, 0, 0, TimeSpan.Zero));
        var schedule = new DigestSchedule(new TimeOnly(2, 30), "America/New_York", new DateTimeOffset(2024, 3, 9, 12, 0, 0, TimeSpan.Zero));
        await SubscribeWithDigestAsync(pipeline, schedule);

        // Act
        pipeline.AdvanceTo(new DateTimeOffset(2024, 3, 10, 7, 29, 0, TimeSpan.Zero));
        var before = await pipeline.ScheduleDigestsAsync();
        pipeline.AdvanceTo(new DateTimeOffset(2024, 3, 10, 7, 30, 0, TimeSpan.Zero));
        var at = await pipeline.ScheduleDigestsAsync();
        await pipeline.DispatchAsync();

        // Assert
        Assert.Equal((0, 1), (before, at));
        Assert.EndsWith("/digest/20240310T0730Z", Assert.Single(pipeline.Sender.Digests).IdempotencyKey, StringComparison.Ordinal);
    }

    private static async Task<Subscription> SubscribeWithDigestAsync(DeliveryPipeline pipeline, DigestSchedule? schedule = null)
    {
        var subscription = (await pipeline.SubscribeAsync()) with { Digest = schedule ?? Yangon0730 };
        await pipeline.Subscriptions.UpdateAsync(subscription, CancellationToken.None);
        return subscription;
    }
}
