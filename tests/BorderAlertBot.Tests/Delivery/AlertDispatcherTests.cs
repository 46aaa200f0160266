using BorderAlertBot.Delivery;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Tests.Delivery;

public sealed class AlertDispatcherTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_message_the_platform_asks_to_retry_after_30_seconds_is_sent_again_after_30_seconds_under_the_same_key()
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        pipeline.Sender.ReturnNext(new DeliveryResult.RetryAfter(TimeSpan.FromSeconds(30), "429 Too Many Requests"));
        var subscription = await pipeline.SubscribeAsync();
        var clash = await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.RunAsync();

        // Act
        pipeline.Advance(TimeSpan.FromSeconds(30) - TimeSpan.FromMilliseconds(1));
        await pipeline.DispatchAsync();
        var callsBefore30Seconds = pipeline.Sender.RawCalls.Count;
        pipeline.Advance(TimeSpan.FromMilliseconds(1));
        await pipeline.DispatchAsync();

        // Assert
        Assert.Equal(1, callsBefore30Seconds);
        var calls = pipeline.Sender.RawCalls;
        Assert.Equal(["retry-after", "delivered"], calls.Select(call => call.Outcome));
        Assert.Equal(calls[0].IdempotencyKey, calls[1].IdempotencyKey);
        Assert.Single(pipeline.Sender.Messages);
        Assert.Contains(await pipeline.LogAsync(subscription, clash), logged =>
            logged.Decision == DeliveryDecision.Failed && logged.Detail == "attempt 1 failed (429 Too Many Requests); next try in 30 s");
    }

    [Fact]
    public async Task Each_retry_after_a_transport_failure_waits_about_twice_as_long_as_the_one_before()
    {
        // Arrange: FirstRetryDelay 2 s, ±20 % jitter: about 2 s, 4 s, 8 s, 16 s.
        using var pipeline = await DeliveryPipeline.StartAsync();
        pipeline.Sender.ThrowNext(() => new HttpRequestException("Connection reset by peer"), times: 4);
        await pipeline.SubscribeAsync();
        await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.WatchAsync();
        var delays = new List<TimeSpan>();

        // Act
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await pipeline.DispatchAsync();
            var next = await pipeline.Outbox.NextDueAtAsync(CancellationToken.None) ?? throw new InvalidOperationException("Nothing is waiting.");
            delays.Add(next - pipeline.Time.GetUtcNow());
            pipeline.AdvanceTo(next - TimeSpan.FromMilliseconds(1));
            await pipeline.DispatchAsync();
            Assert.Equal(attempt, pipeline.Sender.RawCalls.Count); // Nothing is tried before the delay has passed.
            pipeline.AdvanceTo(next);
        }

        await pipeline.DispatchAsync();

        // Assert
        for (var i = 0; i < delays.Count; i++)
        {
            var expected = TimeSpan.FromSeconds(2 * Math.Pow(2, i));
            Assert.InRange(delays[i], expected * 0.8, expected * 1.2);
        }

        Assert.True(delays[1] > delays[0] && delays[2] > delays[1] && delays[3] > delays[2], string.Join(", ", delays));
        Assert.Single(pipeline.Sender.Messages);
        Assert.Single(pipeline.Sender.RawCalls.Select(call => call.IdempotencyKey).Distinct());
    }

    [Fact]
    public async Task A_message_that_fails_MaxAttempts_times_is_dead_lettered_and_the_log_says_so()
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync(("Delivery:MaxAttempts", "3"));
        pipeline.Sender.ReturnNext(new DeliveryResult.RetryAfter(TimeSpan.FromSeconds(5), "503 Service Unavailable"), times: 10);
        var subscription = await pipeline.SubscribeAsync();
        var clash = await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.WatchAsync();

        // Act
        for (var run = 0; run < 5; run++)
        {
            await pipeline.DispatchAsync();
            pipeline.Advance(TimeSpan.FromMinutes(10));
        }

        // Assert
        Assert.Equal(3, pipeline.Sender.RawCalls.Count);
        Assert.Equal(new OutboxCounts(0, 0, 1), await pipeline.Outbox.CountAsync(CancellationToken.None));
        Assert.Null(await pipeline.Outbox.NextDueAtAsync(CancellationToken.None));
        var last = (await pipeline.LogAsync(subscription, clash))[^1];
        Assert.Equal(DeliveryDecision.DeadLettered, last.Decision);
        Assert.Equal("gave up after 3 attempts: 503 Service Unavailable", last.Detail);
    }

    [Fact]
    public async Task A_rejected_message_pauses_the_subscription_until_it_is_resumed_and_then_the_held_alerts_go_out()
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        pipeline.Sender.ReturnNext(new DeliveryResult.Rejected("channel not found"));
        var subscription = await pipeline.SubscribeAsync();
        var first = await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.RunAsync();
        var paused = await pipeline.Subscriptions.TryGetAsync(subscription.Id, CancellationToken.None);

        // Act: more alerts arrive and time passes while it is paused, then an admin resumes it.
        pipeline.Advance(TimeSpan.FromMinutes(1));
        var second = await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.RunAsync();
        pipeline.Advance(TimeSpan.FromHours(1));
        await pipeline.RunAsync();
        var callsWhilePaused = pipeline.Sender.RawCalls.Count;
        Assert.True(await pipeline.Subscriptions.UpdateAsync(paused! with { Paused = null }, CancellationToken.None));
        await pipeline.RunAsync();

        // Assert
        Assert.Equal("channel not found", paused?.Paused?.Reason);
        Assert.Equal(DeliveryPipeline.Start, paused?.Paused?.Since);
        Assert.Equal(1, callsWhilePaused);
        var message = Assert.Single(pipeline.Sender.Messages);
        Assert.Equal([first.Id, second.Id], message.Message.Entries.Select(entry => entry.Event.Id));
        Assert.Contains(await pipeline.LogAsync(subscription, first), logged =>
            logged.Decision == DeliveryDecision.Paused && logged.Detail.StartsWith("subscription paused: channel not found", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_message_the_platform_can_never_take_is_given_up_at_once_and_the_next_one_still_goes()
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        var subscription = await pipeline.SubscribeAsync();
        pipeline.Sender.ReturnNext(new DeliveryResult.Undeliverable("50035 Invalid Form Body: embeds.0.title"));
        var refused = await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.RunAsync();

        // Act
        pipeline.Advance(TimeSpan.FromMinutes(1));
        var next = await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.RunAsync();

        // Assert
        Assert.Null((await pipeline.Subscriptions.TryGetAsync(subscription.Id, CancellationToken.None))!.Paused);
        Assert.Equal(next.Id, Assert.Single(Assert.Single(pipeline.Sender.Messages).Message.Entries).Event.Id);
        Assert.Equal(2, pipeline.Sender.RawCalls.Count);
        var last = (await pipeline.LogAsync(subscription, refused))[^1];
        Assert.Equal(DeliveryDecision.DeadLettered, last.Decision);
        Assert.Equal("the platform refused the message: 50035 Invalid Form Body: embeds.0.title", last.Detail);
    }

    [Fact]
    public async Task A_thrown_HttpRequestException_is_retried_and_the_message_goes_out_once()
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        pipeline.Sender.ThrowNext(() => new HttpRequestException("Connection reset by peer"));
        var subscription = await pipeline.SubscribeAsync();
        var clash = await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.RunAsync();

        // Act
        pipeline.Advance(TimeSpan.FromSeconds(3)); // the first retry comes after 2 s ± 20 %
        await pipeline.DispatchAsync();

        // Assert
        Assert.Equal(["threw", "delivered"], pipeline.Sender.RawCalls.Select(call => call.Outcome));
        Assert.Single(pipeline.Sender.Messages);
        Assert.Contains(await pipeline.LogAsync(subscription, clash), logged =>
            logged.Decision == DeliveryDecision.Failed && logged.Detail.StartsWith("attempt 1 failed (HttpRequestException: Connection reset by peer)", StringComparison.Ordinal));
        Assert.Equal(new OutboxCounts(0, 1, 0), await pipeline.Outbox.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_target_whose_sends_never_finish_does_not_delay_another_target_in_the_same_run()
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        var neverCompleted = new TaskCompletionSource();
        pipeline.Sender.BlockNext(neverCompleted.Task, address: "stuck");
        await pipeline.SubscribeAsync(builder => builder.To(DeliveryTarget.Console("stuck")));
        var healthy = await pipeline.SubscribeAsync(builder => builder.To(DeliveryTarget.Console("healthy")));
        var clash = await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.WatchAsync();
        using var stop = new CancellationTokenSource();
        var delivered = pipeline.Sender.WhenAsync(sender => sender.Messages.Any(message => message.Target == healthy.Target));

        // Act
        var run = pipeline.Dispatcher.RunOnceAsync(stop.Token);
        await delivered.WaitAsync(Timeout);
        var runStillBlocked = !run.IsCompleted;
        await stop.CancelAsync();
        await run.WaitAsync(Timeout);

        // Assert
        Assert.True(runStillBlocked);
        var message = Assert.Single(pipeline.Sender.Messages);
        Assert.Equal(healthy.Target, message.Target);
        Assert.Equal(clash.Id, Assert.Single(message.Message.Entries).Event.Id);
        Assert.Contains(pipeline.Sender.RawCalls, call => call.Target.Address == "stuck" && call.Outcome == "blocked");
    }

    [Fact]
    public async Task A_target_whose_sends_never_finish_does_not_hold_up_later_alerts_to_another_target()
    {
        // Arrange: the worker's way of dispatching, which starts sends and moves on.
        using var pipeline = await DeliveryPipeline.StartAsync();
        var neverCompleted = new TaskCompletionSource();
        pipeline.Sender.BlockNext(neverCompleted.Task, address: "stuck");
        await pipeline.SubscribeAsync(builder => builder.To(DeliveryTarget.Console("stuck")));
        var healthy = await pipeline.SubscribeAsync(builder => builder.To(DeliveryTarget.Console("healthy")));
        using var stop = new CancellationTokenSource();
        await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.WatchAsync();
        await pipeline.Dispatcher.StartDueAsync(stop.Token);
        await pipeline.Sender.WhenAsync(sender => sender.Messages.Count(message => message.Target == healthy.Target) == 1).WaitAsync(Timeout);

        // Act: a second event while the stuck send is still hanging.
        var second = await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.WatchAsync();
        var started = await pipeline.Dispatcher.StartDueAsync(stop.Token);
        await pipeline.Sender.WhenAsync(sender => sender.Messages.Count(message => message.Target == healthy.Target) == 2).WaitAsync(Timeout);

        // Assert
        Assert.Equal(1, started);
        Assert.Equal(second.Id, pipeline.Sender.Messages.Last(message => message.Target == healthy.Target).Message.Entries.Single().Event.Id);
        Assert.DoesNotContain(pipeline.Sender.Messages, message => message.Target.Address == "stuck");
        await stop.CancelAsync();
        await pipeline.Dispatcher.StopAsync(grace: TimeSpan.Zero).WaitAsync(Timeout); // Shutdown with no grace cuts the stuck send off.
        await pipeline.Dispatcher.WhenSentAsync().WaitAsync(Timeout);
    }

    [Fact]
    public async Task A_send_cut_short_by_shutdown_goes_out_again_at_once_under_the_same_key()
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        pipeline.Sender.BlockNext(new TaskCompletionSource().Task);
        await pipeline.SubscribeAsync();
        await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.WatchAsync();
        using var stop = new CancellationTokenSource();
        var blocked = pipeline.Sender.WhenAsync(sender => sender.RawCalls.Count == 1);
        var run = pipeline.Dispatcher.RunOnceAsync(stop.Token);
        await blocked.WaitAsync(Timeout);
        await stop.CancelAsync();
        await run.WaitAsync(Timeout);

        // Act
        await pipeline.DispatchAsync();

        // Assert
        var calls = pipeline.Sender.RawCalls;
        Assert.Equal(["blocked", "delivered"], calls.Select(call => call.Outcome));
        Assert.Equal(calls[0].IdempotencyKey, calls[1].IdempotencyKey);
        Assert.Single(pipeline.Sender.Messages);
    }

    [Fact]
    public async Task An_alert_claimed_while_the_channels_previous_send_is_finishing_goes_right_after_it()
    {
        // Arrange: the first alert's send is in flight (held by the platform) when the second alert is planned.
        using var pipeline = await DeliveryPipeline.StartAsync();
        await pipeline.SubscribeAsync();
        var release = new TaskCompletionSource();
        pipeline.Sender.BlockNext(release.Task);
        var first = await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.WatchAsync();
        Assert.Equal(1, await pipeline.Dispatcher.StartDueAsync(CancellationToken.None));
        var second = await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.WatchAsync();

        // The worker's loop runs just after the first send marked its rows sent, before it let go of the channel's slot:
        // the claim sees the channel free and takes the second alert.
        pipeline.OutboxHook.AfterNextCompletion(() => pipeline.Dispatcher.StartDueAsync(CancellationToken.None));

        // Act
        release.SetResult();
        await pipeline.Dispatcher.WhenSentAsync();
        await pipeline.Dispatcher.WhenSentAsync();

        // Assert: both went, in order, without the clock moving (not after the claim's one-minute lease ran out).
        Assert.Equal([first.Id, second.Id], pipeline.Sender.Messages.Select(message => Assert.Single(message.Message.Entries).Event.Id));
    }
}
