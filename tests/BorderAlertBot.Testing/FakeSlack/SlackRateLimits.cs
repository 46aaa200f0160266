namespace BorderAlertBot.Testing.FakeSlack;

/// <summary>
/// The limits of §5: chat.postMessage per channel (a token bucket: one per interval, a short burst) and per workspace
/// (per minute); the other methods per tier, per method, per minute; incoming webhooks per webhook. A refused request
/// takes nothing. Callers hold the state's gate.
/// </summary>
internal sealed class SlackRateLimits(FakeSlackOptions options)
{
    private static readonly Dictionary<string, int> Tiers = new(StringComparer.Ordinal)
    {
        ["apps.connections.open"] = 1,
        ["auth.test"] = 4,
        ["chat.update"] = 3,
        ["files.getUploadURLExternal"] = 4,
        ["files.completeUploadExternal"] = 4,
        ["users.info"] = 4,
    };

    private readonly Dictionary<string, TokenBucket> _channels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TokenBucket> _webhooks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MinuteWindow> _methods = new(StringComparer.Ordinal);
    private readonly MinuteWindow _workspacePosts = new();
    private readonly Dictionary<FakeSlackLimitKind, int> _sent = [];

    public int TooManyRequestsSent => _sent.Values.Sum();

    public IReadOnlyDictionary<FakeSlackLimitKind, int> TooManyRequestsByKind => new Dictionary<FakeSlackLimitKind, int>(_sent);

    public void Count(SlackReply reply)
    {
        if (reply.Limit is { } kind)
        {
            _sent[kind] = _sent.GetValueOrDefault(kind) + 1;
        }
    }

    /// <summary>The wait before the method may be called again, or null when the call is allowed (and counted).</summary>
    public (TimeSpan Wait, FakeSlackLimitKind Kind)? TryMethod(string method, DateTimeOffset now)
    {
        if (!Tiers.TryGetValue(method, out var tier))
        {
            return null;
        }

        var limit = tier switch
        {
            1 => options.Tier1PerMinute,
            2 => options.Tier2PerMinute,
            3 => options.Tier3PerMinute,
            _ => options.Tier4PerMinute,
        };
        var window = Get(_methods, method, () => new MinuteWindow());
        return window.TryTake(limit, now) is { } wait ? (wait, FakeSlackLimitKind.MethodTier) : null;
    }

    /// <summary>chat.postMessage: the channel's bucket, then the workspace's minute.</summary>
    public (TimeSpan Wait, FakeSlackLimitKind Kind)? TryPost(string channel, DateTimeOffset now)
    {
        var bucket = Get(_channels, channel, () => new TokenBucket(options.ChannelPostBurst, options.ChannelPostInterval, now));
        if (bucket.Peek(now) is { } channelWait)
        {
            return (channelWait, FakeSlackLimitKind.Channel);
        }

        if (_workspacePosts.TryTake(options.WorkspacePostsPerMinute, now) is { } workspaceWait)
        {
            return (workspaceWait, FakeSlackLimitKind.Workspace);
        }

        bucket.Take(now);
        return null;
    }

    public TimeSpan? TryWebhook(string webhookId, DateTimeOffset now)
    {
        var bucket = Get(_webhooks, webhookId, () => new TokenBucket(options.WebhookBurst, options.WebhookInterval, now));
        if (bucket.Peek(now) is { } wait)
        {
            return wait;
        }

        bucket.Take(now);
        return null;
    }

    private static T Get<T>(Dictionary<string, T> map, string key, Func<T> create)
    {
        if (!map.TryGetValue(key, out var value))
        {
            value = create();
            map[key] = value;
        }

        return value;
    }

    /// <summary>Holds up to <c>burst</c> tokens and gains one every <c>interval</c>.</summary>
    private sealed class TokenBucket(int burst, TimeSpan interval, DateTimeOffset now)
    {
        // Refills add fractions of a token; their rounding must not turn a token due to the tick into a 429.
        private const double Tolerance = 1e-9;

        private double _tokens = burst;
        private DateTimeOffset _at = now;

        public TimeSpan? Peek(DateTimeOffset now)
        {
            Refill(now);
            return _tokens >= 1 - Tolerance ? null : interval * (1 - _tokens);
        }

        public void Take(DateTimeOffset now)
        {
            Refill(now);
            _tokens--;
        }

        private void Refill(DateTimeOffset now)
        {
            if (now > _at)
            {
                _tokens = Math.Min(burst, _tokens + ((now - _at) / interval));
                _at = now;
            }
        }
    }

    /// <summary>A fixed minute that opens at the first call after the last one closed.</summary>
    private sealed class MinuteWindow
    {
        private DateTimeOffset _end = DateTimeOffset.MinValue;
        private int _count;

        public TimeSpan? TryTake(int limit, DateTimeOffset now)
        {
            if (now >= _end)
            {
                _end = now + TimeSpan.FromMinutes(1);
                _count = 0;
            }

            if (_count >= limit)
            {
                return _end - now;
            }

            _count++;
            return null;
        }
    }
}
