namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>
/// The rate limits of §4, all on the options' clock. Route buckets are fixed windows keyed by (bucket hash, major
/// parameter): the channel id for channel routes, webhook id + token for webhook and interaction routes, the application
/// id for command routes. The global limit is a sliding one-second window over bot-authenticated requests, the strict
/// reading of "50 requests per second". Hidden channel limits are fixed windows per channel. Not thread-safe: the
/// pipeline calls it under the state's lock.
/// </summary>
internal sealed class FakeDiscordLimits(FakeDiscordOptions options)
{
    private static readonly TimeSpan GlobalWindow = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan InvalidRequestWindow = TimeSpan.FromMinutes(10);

    private readonly Dictionary<(string Bucket, string Major), FixedWindow> _buckets = [];
    private readonly Queue<DateTimeOffset> _global = new();
    private readonly Dictionary<string, (int Count, TimeSpan Window, FixedWindow State)> _hidden = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _invalid = new();
    private readonly Dictionary<TooManyRequestsKind, int> _tooManyRequests = [];

    public int TooManyRequestsSent { get; private set; }

    public IReadOnlyDictionary<TooManyRequestsKind, int> TooManyRequestsByKind => new Dictionary<TooManyRequestsKind, int>(_tooManyRequests);

    public BucketState Acquire(FakeRoute route, string major, DateTimeOffset now)
    {
        var (limit, window) = route.Limit switch
        {
            LimitKind.Message => (options.MessageLimit, options.MessageWindow),
            LimitKind.Webhook => (options.WebhookLimit, options.WebhookWindow),
            _ => (options.CommandLimit, options.CommandWindow),
        };

        var key = (route.BucketHash, major);
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            bucket = new FixedWindow();
            _buckets[key] = bucket;
        }

        var (isAllowed, remaining, end) = bucket.TryTake(limit, window, now);
        return new BucketState(isAllowed, route.BucketHash, limit, remaining, end, end - now);
    }

    /// <summary>Admits one bot-authenticated request, or returns how long until the oldest of the last second's requests ages out.</summary>
    public TimeSpan? TryGlobal(DateTimeOffset now)
    {
        while (_global.Count > 0 && _global.Peek() <= now - GlobalWindow)
        {
            _global.Dequeue();
        }

        if (_global.Count >= options.GlobalLimit)
        {
            return _global.Peek() + GlobalWindow - now;
        }

        _global.Enqueue(now);
        return null;
    }

    public void SetHidden(string channelId, int count, TimeSpan window) => _hidden[channelId] = (count, window, new FixedWindow());

    /// <summary>Counts a write to a channel with a hidden limit, or returns how long until its window closes.</summary>
    public TimeSpan? TryHidden(string channelId, DateTimeOffset now)
    {
        if (!_hidden.TryGetValue(channelId, out var hidden))
        {
            return null;
        }

        var (isAllowed, _, end) = hidden.State.TryTake(hidden.Count, hidden.Window, now);
        return isAllowed ? null : end - now;
    }

    /// <summary>
    /// Counts what the fake answered. Invalid requests are those Discord counts toward its 10,000 per 10 minutes IP ban:
    /// 401, 403 and 429, except 429s with scope <c>shared</c>.
    /// </summary>
    public void Count(FakeResponse response, DateTimeOffset now)
    {
        if (response.Status == 429)
        {
            var kind = response.TooManyRequests ?? TooManyRequestsKind.Injected;
            TooManyRequestsSent++;
            _tooManyRequests[kind] = _tooManyRequests.GetValueOrDefault(kind) + 1;
        }

        if (response.Status is 401 or 403 || (response.Status == 429 && response.TooManyRequests != TooManyRequestsKind.Shared))
        {
            _invalid.Enqueue(now);
        }
    }

    /// <summary>Invalid requests answered in the ten minutes up to <paramref name="now"/>.</summary>
    public int InvalidRequests(DateTimeOffset now)
    {
        while (_invalid.Count > 0 && _invalid.Peek() <= now - InvalidRequestWindow)
        {
            _invalid.Dequeue();
        }

        return _invalid.Count;
    }
}
