extern alias host;

using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Delivery;
using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using BorderAlertBot.Matching;
using BorderAlertBot.Serialization;
using BorderAlertBot.Storage;
using BorderAlertBot.Subscriptions;
using host::BorderAlertBot.Hosting;
using host::BorderAlertBot.Workers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using EventId = BorderAlertBot.Domain.EventId;

namespace BorderAlertBot.Benchmarks.Scenarios;

/// <summary>
/// <c>latency</c>: the bot's own composition (store, subscriptions, watcher, dispatcher and their worker loops) on a fresh
/// SQLite file or PostgreSQL database (<c>--store</c>, shared by <c>--instances</c> bots) with the real clock; verified events are committed through <see cref="IEventStore.WriteAsync"/> at a
/// steady rate, each matching a handful of subscriptions with group window 0, and a recording console sender stamps
/// the moment each send is called. Reports the commit → send percentiles (ARCHITECTURE.md §12: p99 ≤ 100 ms at 100/s).
/// </summary>
public static class LatencyScenario
{
    private const string Name = "latency";
    private const int Seed = 1027;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(60);

    public static Command Create()
    {
        var rate = new Option<int>("--rate") { Description = "Verified events committed per second.", DefaultValueFactory = _ => 100 };
        var seconds = new Option<int>("--seconds") { Description = "How long to commit at that rate (after a 2 s warm-up that is not counted).", DefaultValueFactory = _ => 20 };
        var subscriptions = new Option<int>("--subscriptions") { Description = "How many subscriptions (console targets, group window 0).", DefaultValueFactory = _ => 1_000 };
        var store = BenchmarkStore.StoreOption();
        var instances = BenchmarkStore.InstancesOption();
        var connectionString = BenchmarkStore.ConnectionStringOption();
        var asyncCommit = BenchmarkStore.AsyncCommitOption();
        var command = new Command(Name, "Commit → send latency of the real pipeline on SQLite or PostgreSQL at a steady event rate.")
        {
            rate, seconds, subscriptions, store, instances, connectionString, asyncCommit,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var where = await BenchmarkStore.CreateAsync(Name, parseResult.GetValue(store)!, parseResult.GetValue(instances), parseResult.GetValue(connectionString),
                parseResult.GetValue(asyncCommit), cancellationToken);
            return await RunAsync(Math.Max(1, parseResult.GetValue(rate)), Math.Max(1, parseResult.GetValue(seconds)), Math.Max(1, parseResult.GetValue(subscriptions)), where,
                cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(int rate, int seconds, int subscriptionCount, BenchmarkStore where, CancellationToken cancellationToken)
    {
        var sender = new RecordingAlertSender();
        var instances = Enumerable.Range(0, where.Instances).Select(_ => Compose(where.Settings, sender)).ToList();
        try
        {
            var bot = instances[0];
            await bot.Services.GetRequiredService<IStoreInitializer>().InitializeAsync(cancellationToken);

            var gazetteer = bot.Services.GetRequiredService<Gazetteer>();
            var subscriptions = await AddSubscriptionsAsync(bot.Services.GetRequiredService<ISubscriptionStore>(), gazetteer, subscriptionCount, cancellationToken);
            var index = SubscriptionIndex.Build(subscriptions);
            var events = new EventGenerator(gazetteer, bot.Services.GetRequiredService<BorderLocator>(), Seed, "evt_latency_");
            var store = bot.Services.GetRequiredService<IEventStore>();
            await FanoutHost.StartAllAsync(instances, cancellationToken);

            // Warm-up at the same rate: the JIT, the connection pool and SQLite's page cache settle. Not counted.
            var warmUp = await CommitAsync(store, events, index, rate, (int)(rate * WarmUp.TotalSeconds), cancellationToken);
            await sender.WaitForAsync(warmUp.ExpectedAlerts, DrainTimeout, cancellationToken);
            sender.Clear();

            var gcPauseBefore = GC.GetTotalPauseDuration();
            var run = await CommitAsync(store, events, index, rate, rate * seconds, cancellationToken);
            var gcPause = GC.GetTotalPauseDuration() - gcPauseBefore;
            var drained = await sender.WaitForAsync(run.ExpectedAlerts, DrainTimeout, cancellationToken);
            foreach (var instance in instances)
            {
                await instance.StopAsync(CancellationToken.None);
            }

            // Only the counted events' sends: a warm-up alert that was still on its way does not count.
            var latencies = sender.Sends
                .Where(send => run.CommittedAt.ContainsKey(send.EventId))
                .Select(send => Stopwatch.GetElapsedTime(run.CommittedAt[send.EventId], send.At).TotalMilliseconds)
                .Order()
                .ToArray();
            where.Print(Name);
            new Measurement(Name, "rate", rate, "events/s").Print();
            new Measurement(Name, "events", run.CommittedAt.Count, "count").Print();
            new Measurement(Name, "achieved_rate", run.CommittedAt.Count / run.Elapsed.TotalSeconds, "events/s").Print();
            new Measurement(Name, "subscriptions", subscriptionCount, "count").Print();
            new Measurement(Name, "expected", run.ExpectedAlerts, "count").Print();
            new Measurement(Name, "sent", latencies.Length, "count").Print();
            new Measurement(Name, "undelivered", run.ExpectedAlerts - latencies.Length, "count").Print();
            new Measurement(Name, "messages", sender.Messages, "count").Print();
            new Measurement(Name, "p50_ms", Percentile(latencies, 50), "ms").Print();
            new Measurement(Name, "p95_ms", Percentile(latencies, 95), "ms").Print();
            new Measurement(Name, "p99_ms", Percentile(latencies, 99), "ms").Print();
            new Measurement(Name, "max_ms", latencies.Length == 0 ? double.NaN : latencies[^1], "ms").Print();
            new Measurement(Name, "write_p99_ms", Percentile([.. run.WriteMs.Order()], 99), "ms").Print();
            new Measurement(Name, "gc_pause_ms", gcPause.TotalMilliseconds, "ms").Print();
            return drained && latencies.Length == run.ExpectedAlerts ? 0 : 1;
        }
        finally
        {
            foreach (var instance in instances)
            {
                instance.Dispose();
            }
        }
    }

    /// <summary>
    /// One instance: the bot's services and its watcher, dispatcher and presence loops, without the HTTP listener, the
    /// sample or the console sender. Every instance sends to the same recording sender (one "platform").
    /// </summary>
    private static IHost Compose(IReadOnlyDictionary<string, string?> storeSettings, RecordingAlertSender sender)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(storeSettings)
        {
            ["Sample:LoadIntoEmptyStore"] = "false",
            ["ConsoleAlerts:Enabled"] = "false",
        });
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddBorderAlertBotServices(builder.Configuration);
        builder.Services.RemoveAll<IAlertSender>();
        builder.Services.AddSingleton<IAlertSender>(sender);
        builder.Services.AddHostedService<ClusterPresenceWorker>();
        builder.Services.AddHostedService<AlertWatcherWorker>();
        builder.Services.AddHostedService<DispatcherWorker>();
        return builder.Build();
    }

    /// <summary>
    /// Console subscriptions, each to one subtype within 3 km of one gazetteer place (group window 0), so an event at a
    /// place matches the handful that share its place and subtype.
    /// </summary>
    private static async Task<List<Subscription>> AddSubscriptionsAsync(ISubscriptionStore store, Gazetteer gazetteer, int count, CancellationToken cancellationToken)
    {
        var generator = new SubscriptionGenerator(gazetteer, Seed);
        var subtypes = Enum.GetValues<EventSubtype>();
        var subscriptions = new List<Subscription>(count);
        for (var i = 0; i < count; i++)
        {
            var entry = gazetteer.Entries[i % gazetteer.Entries.Count];
            var subtype = subtypes[i / gazetteer.Entries.Count % subtypes.Length];
            var subscription = generator.Create([subtype.Kind()], [subtype], [new Region.Place(entry, 3)], Severity.Low, TargetKind.Console, TimeSpan.Zero);
            await store.AddAsync(subscription, cancellationToken);
            subscriptions.Add(subscription);
        }

        return subscriptions;
    }

    /// <summary>Commits <paramref name="count"/> verified events, one write each, on a fixed schedule of <paramref name="rate"/> a second.</summary>
    private static async Task<Run> CommitAsync(IEventStore store, EventGenerator events, SubscriptionIndex index, int rate, int count, CancellationToken cancellationToken)
    {
        var run = new Run();
        var subtypes = Enum.GetValues<EventSubtype>();
        var random = new Random(Seed);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var entry = events.Places[random.Next(events.Places.Length)];
            var conflictEvent = events.NextAt(entry, subtypes[random.Next(subtypes.Length)], jitterKm: 1);
            run.ExpectedAlerts += index.Match(conflictEvent).Count;
            var write = new EventWrite(conflictEvent, EventDocument.Fingerprint(conflictEvent));

            var due = TimeSpan.FromSeconds((double)i / rate) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, TimeProvider.System, cancellationToken);
            }

            var before = Stopwatch.GetTimestamp();
            await store.WriteAsync([write], cancellationToken);
            var committed = Stopwatch.GetTimestamp();
            run.CommittedAt[conflictEvent.Id] = committed;
            run.WriteMs.Add(Stopwatch.GetElapsedTime(before, committed).TotalMilliseconds);
        }

        run.Elapsed = Stopwatch.GetElapsedTime(start);
        return run;
    }

    private static double Percentile(double[] sorted, double percent) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private sealed class Run
    {
        public ConcurrentDictionary<EventId, long> CommittedAt { get; } = new();

        public List<double> WriteMs { get; } = [];

        public int ExpectedAlerts { get; set; }

        public TimeSpan Elapsed { get; set; }
    }

    /// <summary>A console sender that only records when each send was called, and for which events; a repeated idempotency key is not counted twice.</summary>
    private sealed class RecordingAlertSender : IAlertSender
    {
        private readonly ConcurrentDictionary<string, string> _keys = new(StringComparer.Ordinal);
        private ConcurrentQueue<(EventId EventId, long At)> _sends = new();
        private int _messages;
        private int _messagesBeforeClear;

        public TargetKind Kind => TargetKind.Console;

        public int MaxEntriesPerMessage => 10;

        public IReadOnlyCollection<(EventId EventId, long At)> Sends => _sends;

        /// <summary>How many messages were sent since the last <see cref="Clear"/>.</summary>
        public int Messages => Volatile.Read(ref _messages) - _messagesBeforeClear;

        public Task<DeliveryResult> SendAsync(DeliveryTarget target, AlertMessage message, string idempotencyKey, CancellationToken cancellationToken)
        {
            var at = Stopwatch.GetTimestamp();
            if (_keys.TryGetValue(idempotencyKey, out var earlier))
            {
                return Task.FromResult<DeliveryResult>(new DeliveryResult.Delivered(earlier));
            }

            var messageRef = "bench-" + Interlocked.Increment(ref _messages).ToString(CultureInfo.InvariantCulture);
            _keys[idempotencyKey] = messageRef;
            foreach (var entry in message.Entries)
            {
                _sends.Enqueue((entry.Event.Id, at));
            }

            return Task.FromResult<DeliveryResult>(new DeliveryResult.Delivered(messageRef));
        }

        public Task<DeliveryResult> EditAsync(DeliveryTarget target, string messageRef, AlertMessage message, CancellationToken cancellationToken) =>
            Task.FromResult<DeliveryResult>(new DeliveryResult.Delivered(messageRef));

        public Task<DeliveryResult> ReplyAsync(DeliveryTarget target, string messageRef, AlertMessage message, string idempotencyKey, CancellationToken cancellationToken) =>
            Task.FromResult<DeliveryResult>(new DeliveryResult.Delivered(messageRef + "-reply"));

        public Task<DeliveryResult> SendDigestAsync(DeliveryTarget target, Answers.Answer digest, string idempotencyKey, CancellationToken cancellationToken) =>
            Task.FromResult<DeliveryResult>(new DeliveryResult.Delivered("bench-digest"));

        public void Clear()
        {
            _sends = new ConcurrentQueue<(EventId, long)>();
            _messagesBeforeClear = Volatile.Read(ref _messages);
        }

        /// <summary>Waits until <paramref name="count"/> alerts were sent since the last <see cref="Clear"/>; false on timeout.</summary>
        public async Task<bool> WaitForAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var start = Stopwatch.GetTimestamp();
            while (_sends.Count < count)
            {
                if (Stopwatch.GetElapsedTime(start) > timeout)
                {
                    return false;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, cancellationToken);
            }

            return true;
        }
    }
}
