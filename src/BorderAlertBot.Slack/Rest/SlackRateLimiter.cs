using System.Net;
using BorderAlertBot.Coordination;
using BorderAlertBot.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Slack.Rest;

/// <summary>
/// The one place Slack's rate limits are kept (platforms/slack.md §5), for every Web API call and webhook post of the
/// process:
/// <list type="bullet">
/// <item>Channels: about one message per second each, with a burst of <see cref="SlackOptions.ChannelBurst"/>, one call
/// at a time so a channel's messages keep their order. The second is counted from when a message was answered, not when
/// it was sent, so slow answers never bunch arrivals at Slack. Incoming webhooks are paced the same way.</item>
/// <item>Methods: each method's tier per workspace, counted over a sliding minute (a call holds its slot until a minute
/// after its answer); <c>chat.postMessage</c>, Special, gets <see cref="SlackOptions.WorkspaceMessagesPerMinute"/>.</item>
/// <item>Several instances on one store split the workspace budgets between them (<see cref="ClusterShare"/>); a
/// channel's pace is its own, since one channel's messages go from one instance at a time.</item>
/// <item>429s: <c>Retry-After</c> pauses that method for that workspace, and that channel when the call posted to one.
/// Other methods, channels and workspaces go on.</item>
/// </list>
/// A call waits in place for up to <see cref="MaxWait"/>; a longer wait is not waited out here but answered at once as
/// held back, so the dispatcher schedules the retry and its slot serves other targets meanwhile. Waits use the injected
/// clock. Thread-safe.
/// </summary>
public sealed partial class SlackRateLimiter(TimeProvider timeProvider, IOptions<SlackOptions> options, ILogger<SlackRateLimiter> logger, ClusterShare? share = null, BorderAlertBotMetrics? metrics = null)
{
    /// <summary>A channel's steady pace: one message per this.</summary>
    public static TimeSpan ChannelInterval { get; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest a call waits in place for its channel, method or a pause.</summary>
    public static TimeSpan MaxWait { get; } = TimeSpan.FromSeconds(5);

    /// <summary>The pause after a 429 that names no <c>Retry-After</c>.</summary>
    public static TimeSpan DefaultRetryAfter { get; } = TimeSpan.FromSeconds(5);

    /// <summary>The tiers' window, and a little more, so a call answered late in one minute is not counted as early in the next.</summary>
    private static readonly TimeSpan Minute = TimeSpan.FromSeconds(60) + TimeSpan.FromMilliseconds(100);

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Workspace, string Channel), ChannelPace> _channels = [];
    private readonly Dictionary<(string Workspace, string Method), MethodWindow> _methods = [];

    /// <summary>Sends through the channel's pace and the method's tier, then learns from the answer.</summary>
    public async Task<SlackResponse> SendAsync(SlackCall call, Func<CancellationToken, Task<SlackResponse>> send, CancellationToken cancellationToken)
    {
        var channel = call.Method.PostsToChannel && call.Channel is { Length: > 0 } id ? ChannelFor(call.Workspace, id) : null;
        if (channel is not null)
        {
            await channel.Gate.WaitAsync(cancellationToken);
        }

        try
        {
            if (await WaitForChannelAsync(call, channel, cancellationToken) is { } channelHeld)
            {
                return channelHeld;
            }

            var window = WindowFor(call);
            SlackResponse? methodHeld;
            try
            {
                methodHeld = await TakeSlotAsync(call, window, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                GiveBack(channel);
                throw;
            }

            if (methodHeld is not null)
            {
                GiveBack(channel);
                return methodHeld;
            }

            var sentAt = timeProvider.GetTimestamp();
            SlackResponse response;
            try
            {
                response = await send(cancellationToken);
            }
            finally
            {
                Answered(window, channel, sentAt);
            }

            Learn(call, window, channel, response);
            return response;
        }
        finally
        {
            channel?.Gate.Release();
        }
    }

    /// <summary>How long a call of <paramref name="method"/> would wait now in <paramref name="workspace"/> because of a 429 (zero when none).</summary>
    public TimeSpan PausedFor(string workspace, SlackMethod method)
    {
        lock (_gate)
        {
            var now = timeProvider.GetTimestamp();
            return _methods.TryGetValue((workspace, method.Name), out var window) && window.PausedUntil > now
                ? timeProvider.GetElapsedTime(now, window.PausedUntil)
                : TimeSpan.Zero;
        }
    }

    private ChannelPace ChannelFor(string workspace, string channel)
    {
        lock (_gate)
        {
            if (!_channels.TryGetValue((workspace, channel), out var pace))
            {
                _channels[(workspace, channel)] = pace = new ChannelPace();
            }

            return pace;
        }
    }

    private MethodWindow WindowFor(SlackCall call)
    {
        lock (_gate)
        {
            if (!_methods.TryGetValue((call.Workspace, call.Method.Name), out var window))
            {
                _methods[(call.Workspace, call.Method.Name)] = window = new MethodWindow(call.Method.PerMinute(options.Value.WorkspaceMessagesPerMinute));
            }

            return window;
        }
    }

    private async Task<SlackResponse?> WaitForChannelAsync(SlackCall call, ChannelPace? channel, CancellationToken cancellationToken)
    {
        if (channel is null)
        {
            return null;
        }

        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = timeProvider.GetTimestamp();
                var interval = Ticks(ChannelInterval);
                var allowedAt = Math.Max(channel.FullAt - ((options.Value.ChannelBurst - 1) * interval), channel.PausedUntil);
                if (allowedAt <= now)
                {
                    channel.FullAt = Math.Max(channel.FullAt, now) + interval;
                    return null;
                }

                wait = timeProvider.GetElapsedTime(now, allowedAt);
            }

            if (wait > MaxWait)
            {
                return SlackResponse.HeldBack($"Slack channel {call.Channel} is paused after a rate limit", wait);
            }

            await Task.Delay(wait, timeProvider, cancellationToken);
        }
    }

    private async Task<SlackResponse?> TakeSlotAsync(SlackCall call, MethodWindow window, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan? wait;
            Task answer;
            lock (_gate)
            {
                var now = timeProvider.GetTimestamp();
                while (window.Answered.Count > 0 && timeProvider.GetElapsedTime(window.Answered.Peek(), now) >= Minute)
                {
                    window.Answered.Dequeue();
                }

                var full = window.InFlight + window.Answered.Count >= (share?.Of(window.PerMinute) ?? window.PerMinute);
                if (!full && window.PausedUntil <= now)
                {
                    window.InFlight++;
                    return null;
                }

                // Paused: until the pause ends. Full: until the oldest answered call's minute is over, or, when every slot
                // is still on its way, until an answer comes.
                answer = window.AnswerCame.Task;
                var until = Math.Max(window.PausedUntil, full && window.Answered.Count > 0 ? window.Answered.Peek() + Ticks(Minute) : 0);
                wait = until > now ? timeProvider.GetElapsedTime(now, until) : null;
            }

            if (wait > MaxWait)
            {
                var why = window.PausedUntil > timeProvider.GetTimestamp() ? "is paused after a rate limit" : "has used its calls for this minute";
                return SlackResponse.HeldBack($"Slack {call.Method.Name} {why}", wait.Value);
            }

            if (wait is { } delay)
            {
                await Task.Delay(delay, timeProvider, cancellationToken);
            }
            else
            {
                await answer.WaitAsync(cancellationToken);
            }
        }
    }

    /// <summary>The channel's second was taken for a call that is not sent after all: it is the next call's.</summary>
    private void GiveBack(ChannelPace? channel)
    {
        if (channel is null)
        {
            return;
        }

        lock (_gate)
        {
            channel.FullAt -= Ticks(ChannelInterval);
        }
    }

    /// <summary>
    /// The call is answered (or failed): its method slot counts from now, and the channel's next second starts from now
    /// rather than from when it was sent.
    /// </summary>
    private void Answered(MethodWindow window, ChannelPace? channel, long sentAt)
    {
        TaskCompletionSource answer;
        lock (_gate)
        {
            var now = timeProvider.GetTimestamp();
            window.InFlight--;
            window.Answered.Enqueue(now);
            if (channel is not null)
            {
                channel.FullAt += Math.Max(0, now - sentAt);
            }

            answer = window.AnswerCame;
            window.AnswerCame = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        answer.TrySetResult();
    }

    private void Learn(SlackCall call, MethodWindow window, ChannelPace? channel, SlackResponse response)
    {
        if (response.Status != HttpStatusCode.TooManyRequests && response.Error != "ratelimited")
        {
            return;
        }

        var retryAfter = response.RetryAfter ?? DefaultRetryAfter;
        metrics?.RateLimited("slack", channel is not null ? "channel" : "method");
        metrics?.PlatformPaused("slack", "rate_limit");
        lock (_gate)
        {
            var until = timeProvider.GetTimestamp() + Ticks(retryAfter);
            window.PausedUntil = Math.Max(window.PausedUntil, until);
            if (channel is not null)
            {
                channel.PausedUntil = Math.Max(channel.PausedUntil, until);
            }
        }

        Log.RateLimited(logger, call.Method.Name, call.Method == SlackMethod.IncomingWebhook ? "an incoming webhook" : call.Channel ?? "-", retryAfter.TotalSeconds);
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * timeProvider.TimestampFrequency);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Slack rate limit on {Method} (channel {ChannelId}): that method waits {Seconds} s")]
        public static partial void RateLimited(ILogger logger, string method, string channelId, double seconds);
    }
}
