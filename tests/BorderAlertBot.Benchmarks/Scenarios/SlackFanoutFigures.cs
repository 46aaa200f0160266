using BorderAlertBot.Testing.FakeSlack;

namespace BorderAlertBot.Benchmarks.Scenarios;

/// <summary>
/// What a Slack fan-out came to, read from the fake's own records, so every figure is the platform's view: the
/// <c>chat.postMessage</c> calls it took (their <see cref="FakeSlackRequest.ReceivedAt"/> on the real clock), the 429s
/// it sent by cause, and the messages each channel now holds.
/// <para>
/// A channel's allowed pace, as the fake keeps it: a quiet channel takes <c>burst</c> messages at once, then one per
/// interval, so its <c>n</c> messages need (n − burst) intervals from its first arrival at best. A channel's
/// rate percent is that ideal span over its actual span (first to last arrival); the run's is its slowest channel's.
/// </para>
/// </summary>
public sealed record SlackFanoutFigures(
    int Channels,
    int MessagesPerChannel,
    int Burst,
    TimeSpan Interval,
    int Requests,
    int Messages,
    int ChannelsShort,
    int MissingMessages,
    int DuplicateMessages,
    long DeadLettered,
    IReadOnlyDictionary<FakeSlackLimitKind, int> TooManyRequestsByKind,
    TimeSpan Enqueued,
    TimeSpan Wall,
    TimeSpan FirstArrival,
    double[] ChannelRatePercents,
    int MaxPerChannelInAnySecond,
    int MaxInAnySecond,
    double[] LatenciesMs)
{
    private const string PostMessage = "chat.postMessage";

    public int TooManyRequests => TooManyRequestsByKind.Values.Sum();

    /// <summary>Every channel got every message once, and nothing was given up.</summary>
    public bool IsExact => Messages == Channels * MessagesPerChannel && ChannelsShort == 0 && MissingMessages == 0 && DuplicateMessages == 0 && DeadLettered == 0;

    /// <summary>The span a channel's messages need at best: the burst at once, the rest one per interval.</summary>
    public TimeSpan IdealSpan => Interval * Math.Max(0, MessagesPerChannel - Burst);

    /// <summary>The slowest channel's rate as a percentage of the allowed one (100 when the burst covers every message).</summary>
    public double RatePercent => ChannelRatePercents.Length == 0 ? double.NaN : ChannelRatePercents[0];

    public static SlackFanoutFigures From(FakeSlackServer fake, FanoutDrain drain, int sequenceBefore, IReadOnlyDictionary<FakeSlackLimitKind, int> tooManyBefore,
        IReadOnlyList<string> channels, int messagesPerChannel, int burst, TimeSpan interval)
    {
        var requests = fake.Received.Where(request => request.Sequence > sequenceBefore && request.ApiMethod == PostMessage).ToList();
        var posted = requests.Where(request => request.Status == 200 && request.Error is null).ToList();
        var arrivals = posted.Select(request => request.ReceivedAt).Order().ToList();
        var postedByChannel = posted.ToLookup(request => request.Channel ?? string.Empty);
        var messages = channels.Select(channel => fake.Messages(channel)).ToList();
        var tooMany = fake.TooManyRequestsByKind
            .Select(pair => (pair.Key, Count: pair.Value - tooManyBefore.GetValueOrDefault(pair.Key)))
            .Where(pair => pair.Count > 0)
            .ToDictionary(pair => pair.Key, pair => pair.Count);
        var idealSpan = interval * Math.Max(0, messagesPerChannel - burst);
        double[] ratePercents = [.. channels.Select(channel => ChannelRatePercent(postedByChannel[channel].Select(request => request.ReceivedAt).ToList(), messagesPerChannel, idealSpan)).Order()];
        return new SlackFanoutFigures(
            channels.Count,
            messagesPerChannel,
            burst,
            interval,
            requests.Count,
            messages.Sum(held => held.Count),
            messages.Count(held => held.Count < messagesPerChannel),
            messages.Sum(held => Math.Max(0, messagesPerChannel - held.Select(message => message.Text).Distinct().Count())),

            // A message is a duplicate when its text repeats one already in the channel (each message's alerts read differently).
            messages.Sum(held => held.Count - held.Select(message => message.Text).Distinct().Count()),
            drain.DeadLettered,
            tooMany,
            drain.Enqueued,
            arrivals.Count > 0 ? arrivals[^1] - drain.CommittedAt : TimeSpan.Zero,
            arrivals.Count > 0 ? arrivals[0] - drain.CommittedAt : TimeSpan.Zero,
            ratePercents,
            channels.Select(channel => FanoutTimes.BusiestSecond(postedByChannel[channel].Select(request => request.ReceivedAt))).DefaultIfEmpty().Max(),
            FanoutTimes.BusiestSecond(arrivals),
            [.. arrivals.Select(at => (at - drain.CommittedAt).TotalMilliseconds)]);
    }

    public void Print(string scenario)
    {
        var slowest = RatePercent;
        new Measurement(scenario, "enqueue_ms", Enqueued.TotalMilliseconds, "ms").Print();
        new Measurement(scenario, "first_arrival_ms", FirstArrival.TotalMilliseconds, "ms").Print();
        new Measurement(scenario, "wall_seconds", Wall.TotalSeconds, "s").Print();
        new Measurement(scenario, "ideal_channel_seconds", IdealSpan.TotalSeconds, "s").Print();
        new Measurement(scenario, "allowed_channel_rate", 1 / Interval.TotalSeconds, "messages/s").Print();
        new Measurement(scenario, "achieved_channel_rate_min", slowest / 100 / Interval.TotalSeconds, "messages/s").Print();
        new Measurement(scenario, "rate_percent", slowest, "%").Print();
        new Measurement(scenario, "rate_percent_median", FanoutTimes.Percentile(ChannelRatePercents, 50), "%").Print();
        new Measurement(scenario, "rate_percent_max", ChannelRatePercents.Length == 0 ? double.NaN : ChannelRatePercents[^1], "%").Print();
        new Measurement(scenario, "requests", Requests, "count").Print();
        new Measurement(scenario, "request_rate", Wall > TimeSpan.Zero ? Requests / Wall.TotalSeconds : double.NaN, "requests/s").Print();
        new Measurement(scenario, "max_per_channel_in_any_second", MaxPerChannelInAnySecond, "count").Print();
        new Measurement(scenario, "max_in_any_second", MaxInAnySecond, "count").Print();
        new Measurement(scenario, "too_many_requests", TooManyRequests, "count").Print();
        foreach (var kind in Enum.GetValues<FakeSlackLimitKind>())
        {
            new Measurement(scenario, "too_many_requests_" + kind.ToString().ToLowerInvariant(), TooManyRequestsByKind.GetValueOrDefault(kind), "count").Print();
        }

        new Measurement(scenario, "messages", Messages, "count").Print();
        new Measurement(scenario, "messages_per_channel", Channels == 0 ? 0 : (double)Messages / Channels, "count").Print();
        new Measurement(scenario, "channels_short", ChannelsShort, "count").Print();
        new Measurement(scenario, "missing_messages", MissingMessages, "count").Print();
        new Measurement(scenario, "duplicate_messages", DuplicateMessages, "count").Print();
        new Measurement(scenario, "dead_lettered", DeadLettered, "count").Print();
        new Measurement(scenario, "p50_ms", FanoutTimes.Percentile(LatenciesMs, 50), "ms").Print();
        new Measurement(scenario, "p95_ms", FanoutTimes.Percentile(LatenciesMs, 95), "ms").Print();
        new Measurement(scenario, "p99_ms", FanoutTimes.Percentile(LatenciesMs, 99), "ms").Print();
        new Measurement(scenario, "max_ms", LatenciesMs.Length == 0 ? double.NaN : LatenciesMs[^1], "ms").Print();
    }

    /// <summary>A channel's ideal span over its actual one, as a percentage; 0 when it got fewer messages than it should.</summary>
    private static double ChannelRatePercent(List<DateTimeOffset> arrivals, int expected, TimeSpan idealSpan)
    {
        if (arrivals.Count < expected || arrivals.Count == 0)
        {
            return 0;
        }

        arrivals.Sort();
        var span = arrivals[^1] - arrivals[0];
        return span <= idealSpan ? 100 : idealSpan / span * 100;
    }
}
