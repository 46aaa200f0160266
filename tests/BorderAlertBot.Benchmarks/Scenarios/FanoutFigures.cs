using BorderAlertBot.Testing.FakeDiscord;

namespace BorderAlertBot.Benchmarks.Scenarios;

/// <summary>
/// What a <see cref="FanoutRun"/> came to, read from the fake's own records, so every figure is the platform's view:
/// the requests it received (their <see cref="FakeDiscordRequest.ReceivedAt"/> on the real clock), the 429s it sent by
/// cause, and the messages each channel now holds.
/// </summary>
public sealed record FanoutFigures(
    int Channels,
    int Requests,
    int Messages,
    int ChannelsMissing,
    int DuplicateMessages,
    int NonceHits,
    long DeadLettered,
    IReadOnlyDictionary<TooManyRequestsKind, int> TooManyRequestsByKind,
    TimeSpan Enqueued,
    TimeSpan Wall,
    TimeSpan FirstArrival,
    int MaxInAnySecond,
    int AllowedPerSecond,
    double[] LatenciesMs)
{
    private const string CreateMessageRoute = "POST /channels/{channel_id}/messages";

    public int TooManyRequests => TooManyRequestsByKind.Values.Sum();

    /// <summary>Every channel got its message once, and nothing was given up.</summary>
    public bool IsExact => Messages == Channels && ChannelsMissing == 0 && DuplicateMessages == 0 && DeadLettered == 0;

    /// <summary>Requests per second from the commit to the last message's arrival: the rate a reader of the channels sees.</summary>
    public double RequestRate => Wall > TimeSpan.Zero ? Requests / Wall.TotalSeconds : double.NaN;

    public static FanoutFigures From(FakeDiscordServer fake, FanoutRun run, IReadOnlyList<string> channels, int allowedPerSecond)
    {
        var requests = fake.Received.Where(request => request.Sequence > run.SequenceBefore).ToList();
        var arrivals = requests.Where(request => request.Route == CreateMessageRoute && request.Status == 200).Select(request => request.ReceivedAt).Order().ToList();
        var perChannel = channels.Select(channel => fake.Messages(channel).Count).ToList();
        var tooMany = fake.TooManyRequestsByKind
            .Select(pair => (pair.Key, Count: pair.Value - run.TooManyBefore.GetValueOrDefault(pair.Key)))
            .Where(pair => pair.Count > 0)
            .ToDictionary(pair => pair.Key, pair => pair.Count);
        return new FanoutFigures(
            channels.Count,
            requests.Count,
            perChannel.Sum(),
            perChannel.Count(count => count == 0),
            perChannel.Sum(count => Math.Max(0, count - 1)),
            fake.NonceHits - run.NonceHitsBefore,
            run.Drain.DeadLettered,
            tooMany,
            run.Drain.Enqueued,
            arrivals.Count > 0 ? arrivals[^1] - run.Drain.CommittedAt : TimeSpan.Zero,
            arrivals.Count > 0 ? arrivals[0] - run.Drain.CommittedAt : TimeSpan.Zero,
            FanoutTimes.BusiestSecond(requests.Select(request => request.ReceivedAt)),
            allowedPerSecond,
            [.. arrivals.Select(at => (at - run.Drain.CommittedAt).TotalMilliseconds)]);
    }

    public void Print(string scenario)
    {
        new Measurement(scenario, "enqueue_ms", Enqueued.TotalMilliseconds, "ms").Print();
        new Measurement(scenario, "first_arrival_ms", FirstArrival.TotalMilliseconds, "ms").Print();
        new Measurement(scenario, "wall_seconds", Wall.TotalSeconds, "s").Print();
        new Measurement(scenario, "requests", Requests, "count").Print();
        new Measurement(scenario, "request_rate", RequestRate, "requests/s").Print();
        new Measurement(scenario, "allowed_rate", AllowedPerSecond, "requests/s").Print();
        new Measurement(scenario, "rate_percent", RequestRate / AllowedPerSecond * 100, "%").Print();
        new Measurement(scenario, "max_requests_in_any_second", MaxInAnySecond, "count").Print();
        new Measurement(scenario, "too_many_requests", TooManyRequests, "count").Print();
        new Measurement(scenario, "too_many_requests_global", TooManyRequestsByKind.GetValueOrDefault(TooManyRequestsKind.Global), "count").Print();
        new Measurement(scenario, "too_many_requests_bucket", TooManyRequestsByKind.GetValueOrDefault(TooManyRequestsKind.User), "count").Print();
        new Measurement(scenario, "too_many_requests_other", TooManyRequests - TooManyRequestsByKind.GetValueOrDefault(TooManyRequestsKind.Global)
            - TooManyRequestsByKind.GetValueOrDefault(TooManyRequestsKind.User), "count").Print();
        new Measurement(scenario, "messages", Messages, "count").Print();
        new Measurement(scenario, "channels_missing", ChannelsMissing, "count").Print();
        new Measurement(scenario, "duplicate_messages", DuplicateMessages, "count").Print();
        new Measurement(scenario, "nonce_hits", NonceHits, "count").Print();
        new Measurement(scenario, "dead_lettered", DeadLettered, "count").Print();
        new Measurement(scenario, "p50_ms", Percentile(50), "ms").Print();
        new Measurement(scenario, "p95_ms", Percentile(95), "ms").Print();
        new Measurement(scenario, "p99_ms", Percentile(99), "ms").Print();
        new Measurement(scenario, "max_ms", LatenciesMs.Length == 0 ? double.NaN : LatenciesMs[^1], "ms").Print();
    }

    private double Percentile(double percent) => FanoutTimes.Percentile(LatenciesMs, percent);
}
