using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using BorderAlertBot.Delivery;
using BorderAlertBot.Discord.Rest;
using BorderAlertBot.Testing.FakeDiscord;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static BorderAlertBot.Discord.Tests.Delivery.DiscordBotHarness;

namespace BorderAlertBot.Discord.Tests.Rest;

/// <summary>
/// The limiter against the fake's limits (platforms/discord.md §4), on one fake clock. A call that must wait is waiting on
/// a timer of that clock by the time <c>SendAsync</c> returns its task, so "not sent yet" is checked after a request to
/// another channel (or an exempt webhook) has made a full round trip, and "sent only later" by when the fake received it.
/// </summary>
public sealed class DiscordRateLimiterTests
{
    private const string CreateMessage = "POST /channels/{channel_id}/messages";

    [Fact]
    public async Task A_sixth_message_to_a_channel_waits_for_the_window_to_reset_instead_of_drawing_a_429()
    {
        // Arrange
        await using var bot = await StartAsync();
        var channel = ChannelId(1);
        var start = bot.Time.GetUtcNow();
        for (var i = 0; i < 5; i++)
        {
            MessageRef(await bot.Channels.SendAsync(Channel(channel), Alert(), Key(), CancellationToken.None));
        }

        // Act
        var sixth = bot.Channels.SendAsync(Channel(channel), Alert(), Key(), CancellationToken.None);
        bot.Time.Advance(TimeSpan.FromSeconds(4.9));
        MessageRef(await bot.Channels.SendAsync(Channel(ChannelId(2)), Alert(), Key(), CancellationToken.None).WaitAsync(Patience));
        var beforeReset = (sixth.IsCompleted, bot.Server.Messages(channel).Count);
        bot.Time.Advance(TimeSpan.FromSeconds(0.1));
        var result = await sixth.WaitAsync(Patience);

        // Assert
        Assert.Equal((false, 5), beforeReset);
        Assert.Equal(bot.Server.Messages(channel)[^1].Id, MessageRef(result));
        Assert.True(bot.Server.Received[^1].ReceivedAt >= start + TimeSpan.FromSeconds(5), "The sixth was sent before the window reset.");
        Assert.Equal(0, bot.Server.TooManyRequestsSent);
    }

    [Fact]
    public async Task One_channels_exhausted_bucket_never_delays_another_channel()
    {
        // Arrange
        await using var bot = await StartAsync();
        var (busy, other) = (ChannelId(1), ChannelId(2));
        var start = bot.Time.GetUtcNow();
        for (var i = 0; i < 5; i++)
        {
            MessageRef(await bot.Channels.SendAsync(Channel(busy), Alert(), Key(), CancellationToken.None));
        }

        var waiting = bot.Channels.SendAsync(Channel(busy), Alert(), Key(), CancellationToken.None);

        // Act
        var result = await bot.Channels.SendAsync(Channel(other), Alert(), Key(), CancellationToken.None).WaitAsync(Patience);

        // Assert
        Assert.Equal(Assert.Single(bot.Server.Messages(other)).Id, MessageRef(result));
        Assert.Equal(start, bot.Server.Received[^1].ReceivedAt);
        Assert.False(waiting.IsCompleted);
        bot.Time.Advance(TimeSpan.FromSeconds(5));
        MessageRef(await waiting.WaitAsync(Patience));
        Assert.Equal(0, bot.Server.TooManyRequestsSent);
    }

    [Fact]
    public async Task A_channel_whose_first_answer_comes_after_another_channel_has_named_the_bucket_keeps_what_it_learned()
    {
        // Arrange: both first requests go out before any answer names the bucket hash; the slow channel's answer comes last.
        await using var bot = await StartAsync(fake: options => options.MessageLimit = 1);
        var (slow, fast) = (ChannelId(1), ChannelId(2));
        bot.Server.Delay(slow, TimeSpan.FromSeconds(1));
        var slowFirst = bot.Channels.SendAsync(Channel(slow), Alert(), Key(), CancellationToken.None);
        MessageRef(await bot.Channels.SendAsync(Channel(fast), Alert(), Key(), CancellationToken.None).WaitAsync(Patience));
        await bot.Server.WhenAsync(server => server.ReceivedCount == 2).WaitAsync(Patience);
        bot.Server.Delay(slow, TimeSpan.Zero);
        bot.Time.Advance(TimeSpan.FromSeconds(1));
        MessageRef(await slowFirst.WaitAsync(Patience)); // Its answer said: none left for 4 more seconds.

        // Act
        var slowSecond = bot.Channels.SendAsync(Channel(slow), Alert(), Key(), CancellationToken.None);
        MessageRef(await bot.Channels.SendAsync(Channel(ChannelId(3)), Alert(), Key(), CancellationToken.None).WaitAsync(Patience));
        var heldBeforeReset = !slowSecond.IsCompleted;
        bot.Time.Advance(TimeSpan.FromSeconds(5));
        var result = await slowSecond.WaitAsync(Patience);

        // Assert
        Assert.True(heldBeforeReset, "The second request ignored what the first answer said.");
        MessageRef(result);
        Assert.Equal(0, bot.Server.TooManyRequestsSent);
    }

    [Fact]
    public async Task Sixty_messages_to_sixty_channels_send_fifty_at_once_and_the_rest_a_second_later()
    {
        // Arrange
        await using var bot = await StartAsync();
        var webhook = Webhook(bot.Server.AddWebhook(ChannelId(100)));
        var start = bot.Time.GetUtcNow();

        // Act
        var sends = Enumerable.Range(0, 60).Select(i => bot.Channels.SendAsync(Channel(ChannelId(i)), Alert(), Key(), CancellationToken.None)).ToList();
        await Task.WhenAll(sends.Take(50)).WaitAsync(Patience);
        bot.Time.Advance(TimeSpan.FromMilliseconds(999));
        var exempt = await bot.Webhooks.SendAsync(webhook, Alert(), Key(), CancellationToken.None).WaitAsync(Patience);
        var waitingAfterAlmostASecond = sends.Skip(50).Count(send => !send.IsCompleted);
        bot.Time.Advance(TimeSpan.FromSeconds(1));
        var results = await Task.WhenAll(sends).WaitAsync(Patience);

        // Assert
        Assert.Equal(10, waitingAfterAlmostASecond);
        MessageRef(exempt); // Webhook executes carry their own token and do not count toward the bot's 50 per second.
        Assert.All(results, result => MessageRef(result));
        var creates = bot.Server.Received.Where(request => request.Route == CreateMessage).ToList();
        Assert.Equal(60, creates.Count);
        Assert.Equal(50, creates.Count(request => request.ReceivedAt == start));
        Assert.Equal(10, creates.Count(request => request.ReceivedAt >= start + TimeSpan.FromSeconds(1)));
        Assert.Equal(0, bot.Server.TooManyRequestsSent);
    }

    [Fact]
    public async Task One_of_three_instances_sends_at_most_its_share_of_the_fifty_a_second_and_the_rest_a_second_later()
    {
        // Arrange: three instances send for this bot; this one is the third (16 of the 50).
        var share = new Coordination.ClusterShare();
        share.Update(instances: 3, rank: 2);
        await using var bot = await StartAsync(share: share);
        var start = bot.Time.GetUtcNow();

        // Act
        var sends = Enumerable.Range(0, 20).Select(i => bot.Channels.SendAsync(Channel(ChannelId(i)), Alert(), Key(), CancellationToken.None)).ToList();
        await Task.WhenAll(sends.Take(16)).WaitAsync(Patience);
        bot.Time.Advance(TimeSpan.FromMilliseconds(999));
        await bot.Webhooks.SendAsync(Webhook(bot.Server.AddWebhook(ChannelId(100))), Alert(), Key(), CancellationToken.None).WaitAsync(Patience);
        var waitingAfterAlmostASecond = sends.Skip(16).Count(send => !send.IsCompleted);
        bot.Time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(sends).WaitAsync(Patience);

        // Assert
        Assert.Equal(4, waitingAfterAlmostASecond);
        var creates = bot.Server.Received.Where(request => request.Route == CreateMessage).ToList();
        Assert.Equal(16, creates.Count(request => request.ReceivedAt == start));
        Assert.Equal(4, creates.Count(request => request.ReceivedAt >= start + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_429_the_headers_did_not_foresee_closes_the_bucket_for_its_retry_after_and_is_not_counted_as_invalid()
    {
        // Arrange
        await using var bot = await StartAsync();
        var channel = ChannelId(1);
        bot.Server.HiddenLimit(channel, count: 1, TimeSpan.FromSeconds(10));
        var start = bot.Time.GetUtcNow();
        MessageRef(await bot.Channels.SendAsync(Channel(channel), Alert(), Key(), CancellationToken.None));

        // Act
        var limited = await bot.Channels.SendAsync(Channel(channel), Alert(), Key(), CancellationToken.None);
        var next = bot.Channels.SendAsync(Channel(channel), Alert(), Key(), CancellationToken.None);
        bot.Time.Advance(TimeSpan.FromSeconds(5)); // The bucket's own window has reset, but retry_after has not passed.
        MessageRef(await bot.Channels.SendAsync(Channel(ChannelId(2)), Alert(), Key(), CancellationToken.None).WaitAsync(Patience));
        var heldPastTheBucketReset = !next.IsCompleted;
        bot.Time.Advance(TimeSpan.FromSeconds(5));
        var afterRetryAfter = await next.WaitAsync(Patience);

        // Assert
        var retry = Assert.IsType<DeliveryResult.RetryAfter>(limited);
        Assert.Equal(TimeSpan.FromSeconds(10), retry.Delay);
        Assert.Contains("20028", retry.Reason, StringComparison.Ordinal);
        Assert.True(heldPastTheBucketReset);
        MessageRef(afterRetryAfter);
        Assert.True(bot.Server.Received[^1].ReceivedAt >= start + TimeSpan.FromSeconds(10), "Sent before retry_after had passed.");
        Assert.Equal(1, bot.Server.TooManyRequestsSent);
        Assert.Equal(1, bot.Server.TooManyRequestsByKind[TooManyRequestsKind.Shared]);
        Assert.Equal(0, bot.Limiter.InvalidRequests);
        Assert.Equal(0, bot.Server.InvalidRequests);
    }

    [Fact]
    public async Task A_429_without_rate_limit_headers_is_an_ip_ban_and_every_channel_waits_out_the_cool_down()
    {
        // Arrange
        await using var bot = await StartAsync();
        bot.Server.FailNextHeaderless429();
        var start = bot.Time.GetUtcNow();

        // Act
        var banned = await bot.Channels.SendAsync(Channel(ChannelId(1)), Alert(), Key(), CancellationToken.None);
        var next = bot.Channels.SendAsync(Channel(ChannelId(2)), Alert(), Key(), CancellationToken.None);
        bot.Time.Advance(DiscordRateLimiter.BanCoolDown - TimeSpan.FromSeconds(1));
        var duringCoolDown = (next.IsCompleted, bot.Server.ReceivedCount);
        bot.Time.Advance(TimeSpan.FromSeconds(1));
        var afterCoolDown = await next.WaitAsync(Patience);

        // Assert
        Assert.Equal(DiscordRateLimiter.BanCoolDown, Assert.IsType<DeliveryResult.RetryAfter>(banned).Delay);
        Assert.Equal((false, 1), duringCoolDown);
        MessageRef(afterCoolDown);
        Assert.True(bot.Server.Received[^1].ReceivedAt >= start + DiscordRateLimiter.BanCoolDown, "Sent during the cool-down.");
    }

    [Theory]
    [InlineData(401, 40001, 1)]
    [InlineData(403, 50013, 1)]
    [InlineData(404, 10003, 0)]
    [InlineData(400, 50035, 0)]
    [InlineData(500, 0, 0)]
    public async Task Refusals_count_toward_the_invalid_request_limit_and_other_errors_do_not(int status, int code, int counted)
    {
        // Arrange
        await using var bot = await StartAsync();
        var channel = ChannelId(1);
        bot.Server.FailNext(channel, status, code, "refused");

        // Act
        await bot.Channels.SendAsync(Channel(channel), Alert(), Key(), CancellationToken.None);

        // Assert
        Assert.Equal(counted, bot.Limiter.InvalidRequests);
        Assert.Equal(counted, bot.Server.InvalidRequests);
    }

    [Fact]
    public async Task At_the_invalid_request_ceiling_calls_are_held_back_unsent_until_ten_minutes_have_passed()
    {
        // Arrange: 2,500 refusals, 50 channels at a time (the global limit), a batch every 2 s of fake time.
        await using var bot = await StartAsync();
        const int Width = DiscordRateLimiter.GlobalPerSecond;
        var channels = Enumerable.Range(0, Width).Select(ChannelId).ToList();
        foreach (var channel in channels)
        {
            bot.Server.FailNext(channel, 403, 50013, "Missing Permissions", times: DiscordRateLimiter.InvalidRequestCeiling / Width);
        }

        var start = bot.Time.GetUtcNow();
        var alert = Alert();
        for (var batch = 0; batch < DiscordRateLimiter.InvalidRequestCeiling / Width; batch++)
        {
            var refused = await Task.WhenAll(channels.Select(channel => bot.Channels.SendAsync(Channel(channel), alert, Key(), CancellationToken.None))).WaitAsync(Patience);
            Assert.All(refused, result => Assert.IsType<DeliveryResult.Rejected>(result));
            bot.Time.Advance(TimeSpan.FromSeconds(2));
        }

        var counted = (bot.Limiter.InvalidRequests, bot.Server.InvalidRequests, bot.Server.ReceivedCount);
        var fresh = Channel(ChannelId(Width + 1));

        // Act
        var held = await bot.Channels.SendAsync(fresh, alert, Key(), CancellationToken.None);
        bot.Time.Advance(start + TimeSpan.FromMinutes(10) - bot.Time.GetUtcNow() - TimeSpan.FromTicks(1));
        var stillHeld = await bot.Channels.SendAsync(fresh, alert, Key(), CancellationToken.None);
        var receivedWhileHeld = bot.Server.ReceivedCount;
        bot.Time.Advance(TimeSpan.FromTicks(1));
        var afterTenMinutes = await bot.Channels.SendAsync(fresh, alert, Key(), CancellationToken.None);

        // Assert
        var ceiling = DiscordRateLimiter.InvalidRequestCeiling;
        Assert.Equal((ceiling, ceiling, ceiling), counted);
        Assert.Equal(TimeSpan.FromSeconds(600 - 100), Assert.IsType<DeliveryResult.RetryAfter>(held).Delay);
        Assert.IsType<DeliveryResult.RetryAfter>(stillHeld);
        Assert.Equal(ceiling, receivedWhileHeld);
        Assert.Equal(Assert.Single(bot.Server.Messages(fresh.Address)).Id, MessageRef(afterTenMinutes));
        Assert.Equal(ceiling + 1, bot.Server.ReceivedCount);
    }

    [Fact]
    public async Task Calls_slow_to_arrive_keep_their_global_slot_until_a_second_after_their_answer()
    {
        // Arrange: 50 calls on their way for half a second (new connections at start, a slow network) — they reach
        // Discord together at 0.5 s, so a 51st sent a second after the first left would land in the same second.
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T00:00:00Z", CultureInfo.InvariantCulture));
        var limiter = new DiscordRateLimiter(time, NullLogger<DiscordRateLimiter>.Instance);
        var arrive = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sentAt = new ConcurrentBag<TimeSpan>();
        var start = time.GetUtcNow();
        Task<DiscordResponse> Send(int channel, Task onTheWay) => limiter.SendAsync(
            new DiscordRoute(HttpMethod.Post, CreateMessage, ChannelId(channel), $"/channels/{ChannelId(channel)}/messages"),
            async _ =>
            {
                sentAt.Add(time.GetUtcNow() - start);
                await onTheWay;
                return new DiscordResponse(HttpStatusCode.OK, "{}");
            },
            CancellationToken.None);
        var slow = Enumerable.Range(0, DiscordRateLimiter.GlobalPerSecond).Select(channel => Send(channel, arrive.Task)).ToList();

        // Act
        var next = Send(DiscordRateLimiter.GlobalPerSecond, Task.CompletedTask);
        time.Advance(TimeSpan.FromSeconds(0.5));
        arrive.SetResult();
        await Task.WhenAll(slow).WaitAsync(Patience);
        time.Advance(TimeSpan.FromSeconds(0.9));
        var heldAtOnePointFourSeconds = !next.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(0.2));
        await next.WaitAsync(Patience);

        // Assert
        Assert.True(heldAtOnePointFourSeconds, "The 51st call went out while the first 50 were still inside their second of arrival.");
        Assert.Equal(TimeSpan.FromSeconds(1.6), sentAt.Max());
    }
}
