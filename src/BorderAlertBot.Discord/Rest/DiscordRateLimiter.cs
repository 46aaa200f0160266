using System.Net;
using BorderAlertBot.Coordination;
using BorderAlertBot.Telemetry;
using Microsoft.Extensions.Logging;

namespace BorderAlertBot.Discord.Rest;

/// <summary>
/// The one place Discord's rate limits are kept (platforms/discord.md §4), for every REST call of the process:
/// <list type="bullet">
/// <item>Buckets: per route template until a response names its <c>X-RateLimit-Bucket</c>, then per bucket hash, always
/// per major parameter (a channel's limit never slows another channel). One request per bucket at a time; when the last
/// response left none, the next waits for <c>X-RateLimit-Reset-After</c>.</item>
/// <item>The global 50 requests per second per bot, counted where Discord counts them: on arrival. A call takes one of
/// the 50 slots when it is sent and gives it back a second (and a small margin) after its answer came, so however long
/// calls were on their way — new connections at start, a slow network — no second of arrivals holds more than 50, and a
/// burst across many channels never draws a global 429 of our own making. Calls without the bot token (webhook executes,
/// interaction follow-ups) are exempt.</item>
/// <item>Several instances on one store send for the same bot, so each takes its share of the 50
/// (<see cref="ClusterShare"/>: the budget split over the live instances), and together they stay within it.</item>
/// <item>429s: <c>retry_after</c> (float seconds) closes the bucket, or every bucket when <c>global</c>; a 429 without
/// rate-limit headers is Cloudflare's IP ban, and everything waits <see cref="BanCoolDown"/>.</item>
/// <item>401, 403 and 429 answers (but shared-scope 429s) are counted over ten minutes; at
/// <see cref="InvalidRequestCeiling"/>, far below the 10,000 that get an IP banned, calls are held back until the count falls.</item>
/// </list>
/// Waits use the injected clock. Thread-safe.
/// </summary>
public sealed partial class DiscordRateLimiter(TimeProvider timeProvider, ILogger<DiscordRateLimiter> logger, ClusterShare? share = null, BorderAlertBotMetrics? metrics = null)
{
    /// <summary>Discord's global limit per bot.</summary>
    public const int GlobalPerSecond = 50;

    /// <summary>A quarter of the 10,000 invalid requests per 10 minutes that get an IP banned.</summary>
    public const int InvalidRequestCeiling = 2_500;

    private static readonly TimeSpan GlobalWindow = TimeSpan.FromSeconds(1) + TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan InvalidWindow = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _hashByTemplate = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RateLimitBucket> _buckets = new(StringComparer.Ordinal);
    private readonly Queue<long> _globalAnswered = new();
    private readonly Queue<long> _recentInvalid = new();
    private long _pausedUntil;
    private int _globalInFlight;
    private TaskCompletionSource _globalAnswer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How long everything waits after a 429 without rate-limit headers (an IP ban).</summary>
    public static TimeSpan BanCoolDown { get; } = TimeSpan.FromMinutes(5);

    /// <summary>Invalid requests (401, 403, 429 but shared) answered in the last ten minutes.</summary>
    public int InvalidRequests
    {
        get
        {
            lock (_gate)
            {
                Forget(_recentInvalid, InvalidWindow);
                return _recentInvalid.Count;
            }
        }
    }

    /// <summary>Sends through the route's bucket and the global limit, then learns from the answer.</summary>
    public async Task<DiscordResponse> SendAsync(DiscordRoute route, Func<CancellationToken, Task<DiscordResponse>> send, CancellationToken cancellationToken)
    {
        if (HeldBack() is { } held)
        {
            return held;
        }

        var bucket = BucketFor(route);
        await bucket.Gate.WaitAsync(cancellationToken);
        try
        {
            await WaitForBucketAsync(bucket, cancellationToken);
            await WaitForGlobalAsync(route, cancellationToken);
            DiscordResponse response;
            try
            {
                response = await send(cancellationToken);
            }
            finally
            {
                Answered(route);
            }

            Learn(route, bucket, response);
            return response;
        }
        finally
        {
            bucket.Gate.Release();
        }
    }

    private DiscordResponse? HeldBack()
    {
        lock (_gate)
        {
            Forget(_recentInvalid, InvalidWindow);
            if (_recentInvalid.Count < InvalidRequestCeiling)
            {
                return null;
            }

            var untilOldestExpires = timeProvider.GetElapsedTime(timeProvider.GetTimestamp(), _recentInvalid.Peek() + Ticks(InvalidWindow));
            return DiscordResponse.HeldBack("too many refused requests in ten minutes; Discord calls wait so the bot's IP is not banned", untilOldestExpires);
        }
    }

    private RateLimitBucket BucketFor(DiscordRoute route)
    {
        lock (_gate)
        {
            var key = route.BucketKey(_hashByTemplate.GetValueOrDefault(route.Template));
            if (!_buckets.TryGetValue(key, out var bucket))
            {
                _buckets[key] = bucket = new RateLimitBucket();
            }

            return bucket;
        }
    }

    private async Task WaitForBucketAsync(RateLimitBucket bucket, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = timeProvider.GetTimestamp();
                var pause = Math.Max(_pausedUntil, bucket.Remaining is <= 0 ? bucket.ResetAt : 0);
                if (pause <= now)
                {
                    if (bucket.Remaining is <= 0)
                    {
                        bucket.Remaining = null; // A new window: the next response says what is left.
                    }

                    return;
                }

                wait = timeProvider.GetElapsedTime(now, pause);
            }

            await Task.Delay(wait, timeProvider, cancellationToken);
        }
    }

    private async Task WaitForGlobalAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        if (!route.UsesBotToken)
        {
            return;
        }

        while (true)
        {
            TimeSpan? wait;
            Task answer;
            lock (_gate)
            {
                var now = timeProvider.GetTimestamp();
                Forget(_globalAnswered, GlobalWindow);
                var full = _globalInFlight + _globalAnswered.Count >= (share?.Of(GlobalPerSecond) ?? GlobalPerSecond);
                if (!full && _pausedUntil <= now)
                {
                    _globalInFlight++;
                    return;
                }

                // Paused: until the pause ends. Full: until the oldest answered call's second is over, or, when every
                // slot is still on its way, until an answer starts a second.
                answer = _globalAnswer.Task;
                var until = Math.Max(_pausedUntil, full && _globalAnswered.Count > 0 ? _globalAnswered.Peek() + Ticks(GlobalWindow) : 0);
                wait = until > now ? timeProvider.GetElapsedTime(now, until) : null;
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

    /// <summary>A call that holds a global slot has its answer (or failed): its slot is free a second from now.</summary>
    private void Answered(DiscordRoute route)
    {
        if (!route.UsesBotToken)
        {
            return;
        }

        TaskCompletionSource answer;
        lock (_gate)
        {
            _globalInFlight--;
            _globalAnswered.Enqueue(timeProvider.GetTimestamp());
            answer = _globalAnswer;
            _globalAnswer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        answer.TrySetResult();
    }

    private void Learn(DiscordRoute route, RateLimitBucket bucket, DiscordResponse response)
    {
        lock (_gate)
        {
            var now = timeProvider.GetTimestamp();
            if (response.Headers.Bucket is { } hash)
            {
                // Routes that share a hash share limits: this bucket is the hash's now, for this major parameter. Also
                // when another major parameter named the hash first, while this request was on its way under the template.
                _hashByTemplate.TryAdd(route.Template, hash);
                _buckets.TryAdd(route.BucketKey(hash), bucket);
            }

            if (response.Headers.Remaining is { } remaining)
            {
                bucket.Remaining = remaining;
            }

            if (response.Headers.ResetAfter is { } resetAfter)
            {
                bucket.ResetAt = now + Ticks(resetAfter);
            }

            if (response.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                || (response.Status == HttpStatusCode.TooManyRequests && response.Scope != "shared"))
            {
                _recentInvalid.Enqueue(now);
                if (_recentInvalid.Count == InvalidRequestCeiling)
                {
                    metrics?.PlatformPaused("discord", "invalid_requests");
                }
            }

            if (response.Status != HttpStatusCode.TooManyRequests)
            {
                return;
            }

            var retryAfter = response.RetryAfter ?? TimeSpan.FromSeconds(1);
            if (response.IsBan)
            {
                metrics?.RateLimited("discord", "ban");
                metrics?.PlatformPaused("discord", "ban");
                _pausedUntil = Math.Max(_pausedUntil, now + Ticks(BanCoolDown));
                Log.Banned(logger, BanCoolDown.TotalMinutes);
            }
            else if (response.IsGlobal)
            {
                metrics?.RateLimited("discord", "global");
                metrics?.PlatformPaused("discord", "global");
                _pausedUntil = Math.Max(_pausedUntil, now + Ticks(retryAfter));
                Log.GlobalLimit(logger, retryAfter.TotalSeconds);
            }
            else
            {
                metrics?.RateLimited("discord", response.Scope ?? "user");
                metrics?.PlatformPaused("discord", "rate_limit");
                bucket.Remaining = 0;
                bucket.ResetAt = Math.Max(bucket.ResetAt, now + Ticks(retryAfter));
                Log.BucketLimit(logger, route.Template, retryAfter.TotalSeconds, response.Scope ?? "user");
            }
        }
    }

    private void Forget(Queue<long> times, TimeSpan window)
    {
        var now = timeProvider.GetTimestamp();
        while (times.Count > 0 && timeProvider.GetElapsedTime(times.Peek(), now) >= window)
        {
            times.Dequeue();
        }
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * timeProvider.TimestampFrequency);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Discord rate limit on {Route} ({Scope}): waiting {Seconds} s")]
        public static partial void BucketLimit(ILogger logger, string route, double seconds, string scope);

        [LoggerMessage(2, LogLevel.Warning, "Discord's global rate limit was hit: every call waits {Seconds} s")]
        public static partial void GlobalLimit(ILogger logger, double seconds);

        [LoggerMessage(3, LogLevel.Error, "Discord answered 429 without rate-limit headers (an IP ban): every call waits {Minutes} minutes")]
        public static partial void Banned(ILogger logger, double minutes);
    }
}
