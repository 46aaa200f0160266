using System.Diagnostics.Metrics;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Telemetry;

/// <summary>
/// The bot's instruments, on one <see cref="Meter"/> named <see cref="MeterName"/> (System.Diagnostics.Metrics, so Core
/// needs no OpenTelemetry; the executable exports them at <c>/metrics</c>). Names follow OpenTelemetry's conventions; the
/// Prometheus exporter writes <c>borderalertbot.alerts.sent</c> as <c>borderalertbot_alerts_sent_total</c> and a unit of
/// seconds as a <c>_seconds</c> suffix. Every series and its labels is listed in the README (Operations → Metrics).
/// </summary>
public sealed class BorderAlertBotMetrics : IDisposable
{
    public const string MeterName = "BorderAlertBot";

    /// <summary>Seconds, from a few milliseconds (a command answered in process) to minutes (a delivery that waited out a 429).</summary>
    private static readonly IReadOnlyList<double> SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _ingested;
    private readonly Counter<long> _matched;
    private readonly Counter<long> _held;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _paused;
    private readonly Histogram<double> _latency;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _platformPauses;
    private readonly Histogram<double> _commandDuration;
    private OutboxBacklog _backlog = OutboxBacklog.Empty;

    /// <param name="meterFactory">The host's factory (one meter per service provider); without one, a meter of its own.</param>
    public BorderAlertBotMetrics(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _ingested = _meter.CreateCounter<long>("borderalertbot.events.ingested", "{event}", "Records an import or a source poll brought in, by source and outcome (added, revised, unchanged, rejected).");
        _matched = _meter.CreateCounter<long>("borderalertbot.alerts.matched", "{alert}", "First alerts queued for a subscription whose filters an event passed.");
        _held = _meter.CreateCounter<long>("borderalertbot.alerts.held", "{alert}", "Alerts held by a mute or quiet hours, to go out when they end.");
        _sent = _meter.CreateCounter<long>("borderalertbot.alerts.sent", "{alert}", "Outbox rows (alerts, updates, retractions, digests) the platform accepted, by platform.");
        _failed = _meter.CreateCounter<long>("borderalertbot.alerts.failed", "{alert}", "Outbox rows whose send failed, by platform and outcome (retry, dead_lettered).");
        _paused = _meter.CreateCounter<long>("borderalertbot.subscriptions.paused", "{subscription}", "Subscriptions paused by a permanent delivery failure, by platform.");
        _latency = _meter.CreateHistogram<double>("borderalertbot.delivery.latency", "s", "From the moment an outbox row was due to the platform accepting it, by platform.",
            tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _rateLimited = _meter.CreateCounter<long>("borderalertbot.platform.rate_limited", "{response}", "429 answers from a platform, by platform and scope (user, global, shared, ban, method, channel).");
        _platformPauses = _meter.CreateCounter<long>("borderalertbot.platform.pauses", "{pause}", "Times a platform's calls were held back, by platform and reason (rate_limit, global, ban, invalid_requests, token_refused).");
        _commandDuration = _meter.CreateHistogram<double>("borderalertbot.command.duration", "s", "Time to answer a /border subcommand, by platform and subcommand.",
            tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _meter.CreateObservableGauge("borderalertbot.outbox.depth", () => Volatile.Read(ref _backlog).Depth, "{row}", "Outbox rows not yet sent nor dead-lettered.");
        _meter.CreateObservableGauge("borderalertbot.outbox.oldest_age", () => Volatile.Read(ref _backlog).OldestAge.TotalSeconds, "s", "Age of the oldest outbox row that should be going (due or being retried, in a subscription not paused), 0 when none.");
    }

    public void Ingested(string source, string outcome, long count)
    {
        if (count > 0)
        {
            _ingested.Add(count, new("source", source), new("outcome", outcome));
        }
    }

    public void Matched(long count) => Add(_matched, count);

    public void Held(long count) => Add(_held, count);

    /// <summary>One outbox row the platform accepted, <paramref name="latency"/> after it fell due.</summary>
    public void Delivered(TargetKind target, TimeSpan latency)
    {
        var platform = new KeyValuePair<string, object?>("platform", PlatformOf(target));
        _sent.Add(1, platform);
        _latency.Record(Math.Max(0, latency.TotalSeconds), platform);
    }

    public void Failed(TargetKind target, long count, bool deadLettered)
    {
        if (count > 0)
        {
            _failed.Add(count, new("platform", PlatformOf(target)), new("outcome", deadLettered ? "dead_lettered" : "retry"));
        }
    }

    public void SubscriptionPaused(TargetKind target) => _paused.Add(1, new KeyValuePair<string, object?>("platform", PlatformOf(target)));

    public void RateLimited(string platform, string scope) => _rateLimited.Add(1, new("platform", platform), new("scope", scope));

    public void PlatformPaused(string platform, string reason) => _platformPauses.Add(1, new("platform", platform), new("reason", reason));

    public void CommandAnswered(string platform, string subcommand, TimeSpan duration) =>
        _commandDuration.Record(duration.TotalSeconds, new("platform", platform), new("subcommand", subcommand));

    /// <summary>The outbox as last measured; the gauges report it.</summary>
    public void Measured(OutboxBacklog backlog) => Volatile.Write(ref _backlog, backlog);

    /// <summary>"discord", "slack" or "console": the platform label of a target.</summary>
    public static string PlatformOf(TargetKind target) => target switch
    {
        TargetKind.DiscordChannel or TargetKind.DiscordWebhook => "discord",
        TargetKind.SlackChannel or TargetKind.SlackWebhook => "slack",
        _ => "console",
    };

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private static void Add(Counter<long> counter, long count)
    {
        if (count > 0)
        {
            counter.Add(count);
        }
    }
}
