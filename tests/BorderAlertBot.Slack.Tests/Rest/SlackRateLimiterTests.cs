using System.Net;
using BorderAlertBot.Slack.Rest;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BorderAlertBot.Slack.Tests.Rest;

/// <summary>
/// The limiter on its own, on a fake clock (platforms/slack.md §5). The calls answer at once, so a call that must wait is
/// waiting on a timer of that clock by the time <c>SendAsync</c> returns its task; nothing sleeps.
/// </summary>
public sealed class SlackRateLimiterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 9, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly List<(SlackCall Call, DateTimeOffset At)> _sent = [];

    [Fact]
    public async Task A_channel_takes_a_burst_of_three_at_once_and_then_one_message_a_second()
    {
        // Arrange
        var limiter = Limiter();
        for (var i = 0; i < 3; i++)
        {
            await Send(limiter, Post("C1"));
        }

        // Act
        var fourth = Send(limiter, Post("C1"));
        var beforeSecond = (fourth.IsCompleted, _sent.Count);
        _time.Advance(TimeSpan.FromSeconds(0.9));
        var justBefore = (fourth.IsCompleted, _sent.Count);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        await fourth.WaitAsync(Patience);

        // Assert
        Assert.Equal((false, 3), beforeSecond);
        Assert.Equal((false, 3), justBefore);
        Assert.Equal(4, _sent.Count);
        Assert.Equal(TimeSpan.FromSeconds(1), _sent[3].At - _sent[0].At);
    }

    [Fact]
    public async Task A_busy_channel_never_delays_another_channel()
    {
        // Arrange
        var limiter = Limiter();
        for (var i = 0; i < 3; i++)
        {
            await Send(limiter, Post("C1"));
        }

        var waiting = Send(limiter, Post("C1"));

        // Act
        var other = Send(limiter, Post("C2"));

        // Assert
        Assert.True(other.IsCompletedSuccessfully);
        Assert.False(waiting.IsCompleted);
        Assert.Equal("C2", _sent[^1].Call.Channel);
    }

    [Fact]
    public async Task The_steady_pace_is_one_message_a_second_per_channel()
    {
        // Arrange
        var limiter = Limiter();
        var start = _time.GetUtcNow();

        // Act
        for (var i = 0; i < 10; i++)
        {
            var call = Send(limiter, Post("C1"));
            while (!call.IsCompleted)
            {
                _time.Advance(TimeSpan.FromMilliseconds(100));
            }

            await call;
        }

        // Assert: three at once, then the other seven a second apart.
        Assert.Equal(TimeSpan.FromSeconds(7), _sent[^1].At - start);
        Assert.All(_sent.Skip(3).Zip(_sent.Skip(2)), pair => Assert.Equal(TimeSpan.FromSeconds(1), pair.First.At - pair.Second.At));
    }

    [Fact]
    public async Task A_429_holds_back_that_method_in_that_workspace_for_its_retry_after_without_sending()
    {
        // Arrange
        var limiter = Limiter();
        await Send(limiter, Update("C1"), TooManyRequests(TimeSpan.FromSeconds(30)));

        // Act
        var held = await Send(limiter, Update("C2"));
        var otherMethod = await Send(limiter, Post("C1"));
        var otherWorkspace = await Send(limiter, Update("C1") with { Workspace = "other" });
        _time.Advance(TimeSpan.FromSeconds(30));
        var after = await Send(limiter, Update("C2"));

        // Assert
        Assert.True(held.WasHeldBack);
        Assert.Equal(TimeSpan.FromSeconds(30), held.RetryAfter);
        Assert.False(otherMethod.WasHeldBack);
        Assert.False(otherWorkspace.WasHeldBack);
        Assert.True(after.IsOk);
        Assert.Equal(4, _sent.Count);
    }

    [Fact]
    public async Task A_429_on_a_post_pauses_that_channel_and_the_method()
    {
        // Arrange
        var limiter = Limiter();
        await Send(limiter, Post("C1"), TooManyRequests(TimeSpan.FromSeconds(20)));

        // Act
        var sameChannel = await Send(limiter, Post("C1"));
        var otherChannel = await Send(limiter, Post("C2"));
        var upload = await Send(limiter, new SlackCall(SlackApiClient.Workspace, SlackMethod.FilesCompleteUploadExternal, "C1"));

        // Assert
        Assert.True(sameChannel.WasHeldBack);
        Assert.True(otherChannel.WasHeldBack);
        Assert.True(upload.WasHeldBack, "The channel is paused for every call that posts into it.");
        Assert.Single(_sent);
        Assert.Equal(TimeSpan.FromSeconds(20), limiter.PausedFor(SlackApiClient.Workspace, SlackMethod.ChatPostMessage));
    }

    [Fact]
    public async Task A_short_retry_after_is_waited_out_in_place()
    {
        // Arrange
        var limiter = Limiter();
        await Send(limiter, Update("C1"), TooManyRequests(TimeSpan.FromSeconds(2)));

        // Act
        var next = Send(limiter, Update("C1"));
        var waiting = next.IsCompleted;
        _time.Advance(TimeSpan.FromSeconds(2));
        var response = await next.WaitAsync(Patience);

        // Assert
        Assert.False(waiting);
        Assert.True(response.IsOk);
        Assert.Equal(TimeSpan.FromSeconds(2), _sent[1].At - _sent[0].At);
    }

    [Fact]
    public async Task A_429_without_retry_after_pauses_for_the_default()
    {
        // Arrange
        var limiter = Limiter();
        await Send(limiter, Update("C1"), TooManyRequests(null));

        // Act
        var paused = limiter.PausedFor(SlackApiClient.Workspace, SlackMethod.ChatUpdate);

        // Assert
        Assert.Equal(SlackRateLimiter.DefaultRetryAfter, paused);
    }

    [Fact]
    public async Task A_tier_3_method_takes_50_calls_a_minute_and_the_51st_is_held_back_until_the_minute_is_over()
    {
        // Arrange
        var limiter = Limiter();
        for (var i = 0; i < 50; i++)
        {
            await Send(limiter, Update("C" + i));
        }

        // Act
        var held = await Send(limiter, Update("C99"));
        var otherMethod = await Send(limiter, new SlackCall(SlackApiClient.Workspace, SlackMethod.UsersInfo, null));
        _time.Advance(TimeSpan.FromSeconds(61));
        var after = await Send(limiter, Update("C99"));

        // Assert
        Assert.True(held.WasHeldBack);
        Assert.InRange(held.RetryAfter!.Value, TimeSpan.FromSeconds(59), TimeSpan.FromSeconds(61));
        Assert.False(otherMethod.WasHeldBack);
        Assert.True(after.IsOk);
        Assert.Equal(52, _sent.Count);
    }

    [Fact]
    public async Task The_workspace_budget_for_posts_holds_across_channels()
    {
        // Arrange
        var limiter = Limiter(new SlackOptions { WorkspaceMessagesPerMinute = 10 });
        for (var i = 0; i < 10; i++)
        {
            await Send(limiter, Post("C" + i));
        }

        // Act
        var held = await Send(limiter, Post("C42"));

        // Assert
        Assert.True(held.WasHeldBack);
        Assert.Equal(10, _sent.Count);
    }

    [Fact]
    public async Task A_channels_next_second_counts_from_when_the_last_message_was_answered()
    {
        // Arrange: one message in flight for two seconds.
        var limiter = Limiter(new SlackOptions { ChannelBurst = 1 });
        var answer = new TaskCompletionSource<SlackResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = limiter.SendAsync(Post("C1"), _ => answer.Task, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(2));
        answer.SetResult(Ok());
        await slow.WaitAsync(Patience);

        // Act
        var next = Send(limiter, Post("C1"));
        var waiting = (next.IsCompleted, _sent.Count);
        _time.Advance(TimeSpan.FromSeconds(1));
        await next.WaitAsync(Patience);

        // Assert
        Assert.Equal((false, 0), waiting);
        Assert.Single(_sent);
    }

    [Fact]
    public async Task Calls_without_a_channel_are_not_paced_per_channel()
    {
        // Arrange
        var limiter = Limiter();

        // Act
        for (var i = 0; i < 10; i++)
        {
            Assert.True((await Send(limiter, new SlackCall(SlackApiClient.Workspace, SlackMethod.UsersInfo, null))).IsOk);
        }

        // Assert
        Assert.Equal(10, _sent.Count);
        Assert.All(_sent, sent => Assert.Equal(_sent[0].At, sent.At));
    }

    [Fact]
    public async Task A_call_that_fails_in_transport_frees_its_channel_and_its_slot()
    {
        // Arrange
        var limiter = Limiter(new SlackOptions { ChannelBurst = 1 });
        var failing = limiter.SendAsync(Post("C1"), _ => throw new HttpRequestException("connection refused"), CancellationToken.None);
        await Assert.ThrowsAsync<HttpRequestException>(() => failing);

        // Act
        var next = Send(limiter, Post("C1"));
        var waiting = next.IsCompleted;
        _time.Advance(TimeSpan.FromSeconds(1));
        var response = await next.WaitAsync(Patience);

        // Assert: the failed call counts as sent (Slack may have seen it), so the next waits its second, and then goes.
        Assert.False(waiting);
        Assert.True(response.IsOk);
    }

    [Fact]
    public async Task A_call_cancelled_while_it_waits_sends_nothing_and_leaves_the_channel_to_the_next()
    {
        // Arrange
        var limiter = Limiter(new SlackOptions { ChannelBurst = 1 });
        await Send(limiter, Post("C1"));
        using var cancel = new CancellationTokenSource();
        var cancelled = limiter.SendAsync(Post("C1"), _ => throw new InvalidOperationException("must not be sent"), cancel.Token);

        // Act
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Patience));
        var next = Send(limiter, Post("C1"));
        _time.Advance(TimeSpan.FromSeconds(1));
        var response = await next.WaitAsync(Patience);

        // Assert
        Assert.True(response.IsOk);
        Assert.Equal(2, _sent.Count);
    }

    [Fact]
    public async Task A_post_held_back_by_its_method_does_not_use_up_its_channels_second()
    {
        // Arrange: the method paused for 30 s by a 429 on another channel.
        var limiter = Limiter(new SlackOptions { ChannelBurst = 1 });
        await Send(limiter, Post("C2"), TooManyRequests(TimeSpan.FromSeconds(30)));
        var held = await Send(limiter, Post("C1"));
        _time.Advance(TimeSpan.FromSeconds(30));

        // Act
        var next = Send(limiter, Post("C1"));

        // Assert: C1 sent nothing, so it may post at once.
        Assert.True(held.WasHeldBack);
        Assert.True(next.IsCompletedSuccessfully);
        Assert.Equal(2, _sent.Count);
    }

    private SlackRateLimiter Limiter(SlackOptions? options = null) =>
        new(_time, Options.Create(options ?? new SlackOptions()), NullLogger<SlackRateLimiter>.Instance);

    private Task<SlackResponse> Send(SlackRateLimiter limiter, SlackCall call, SlackResponse? answer = null) =>
        limiter.SendAsync(call, _ =>
        {
            _sent.Add((call, _time.GetUtcNow()));
            return Task.FromResult(answer ?? Ok());
        }, CancellationToken.None);

    private static SlackCall Post(string channel) => new(SlackApiClient.Workspace, SlackMethod.ChatPostMessage, channel);

    private static SlackCall Update(string channel) => new(SlackApiClient.Workspace, SlackMethod.ChatUpdate, channel);

    private static SlackResponse Ok() => new(HttpStatusCode.OK, """{"ok":true}""") { IsOk = true };

    private static SlackResponse TooManyRequests(TimeSpan? retryAfter) =>
        new(HttpStatusCode.TooManyRequests, """{"ok":false,"error":"ratelimited"}""") { Error = "ratelimited", RetryAfter = retryAfter };
}
