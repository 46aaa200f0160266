extern alias host;

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Answers;
using BorderAlertBot.Delivery;
using BorderAlertBot.Digests;
using BorderAlertBot.Geography;
using BorderAlertBot.Subscriptions;
using host::BorderAlertBot.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace BorderAlertBot.Benchmarks.Scenarios;

/// <summary>
/// <c>digest</c>: <c>--channels</c> channels, each a subscription watching this border the way channels set them up, with a
/// daily digest at a local time in one of several zones, all falling due in the same scheduler run, over a copy of a
/// <see cref="BenchmarkDatabase"/> of a million events (ARCHITECTURE.md §12: 10,000 digests in ≤ 20 s). Timed: the
/// scheduler's run (compose every digest from one read of the events, record the slots and put the digests in the
/// outbox) and the bot's dispatcher loop sending every one of them (claim, render the answer and its chart, "send",
/// complete) to a sender that only counts, after a warm-up run for other channels. The clock is fake, so every digest is
/// due at once.
/// </summary>
public static class DigestScenario
{
    private const string Name = "digest";
    private const int DefaultSeed = 1027;
    private const int WarmUpChannels = 1_000;

    // Where newsrooms and desks that watch this border sit, and when they want their digest.
    private static readonly (string Zone, TimeOnly At)[] Schedules =
    [
        ("Asia/Yangon", new TimeOnly(7, 30)), ("Asia/Bangkok", new TimeOnly(8, 0)), ("Asia/Shanghai", new TimeOnly(8, 0)),
        ("Asia/Kolkata", new TimeOnly(9, 0)), ("Europe/London", new TimeOnly(7, 0)), ("Europe/Berlin", new TimeOnly(6, 30)),
        ("America/New_York", new TimeOnly(6, 0)), ("UTC", new TimeOnly(0, 0)),
    ];

    public static Command Create()
    {
        var events = new Option<int>("--events") { Description = "How many events the database holds.", DefaultValueFactory = _ => 1_000_000 };
        var channels = new Option<int>("--channels") { Description = "How many channels get a digest in the run.", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated events and subscriptions.", DefaultValueFactory = _ => DefaultSeed };
        var database = new Option<FileInfo>("--database")
        {
            Description = "The SQLite file of events to copy: reused when it holds the same events, built otherwise (default: a file per size and seed in the temp folder).",
        };
        var command = new Command(Name, "Compose and send many channels' daily digests over a large SQLite store.") { events, channels, seed, database };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var count = Math.Max(1, parseResult.GetValue(events));
            var seedValue = parseResult.GetValue(seed);
            var path = parseResult.GetValue(database)?.FullName ?? BenchmarkDatabase.DefaultPath(count, seedValue);
            return RunAsync(path, count, Math.Max(1, parseResult.GetValue(channels)), seedValue, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string path, int eventCount, int channelCount, int seed, CancellationToken cancellationToken)
    {
        // The events are built (or reused) once; the run writes subscriptions and outbox rows into a copy, so the cache stays clean.
        using (var source = await BenchmarkDatabase.OpenAsync(path, eventCount, seed, cancellationToken))
        {
            new Measurement(Name, "events", source.Events, "count").Print();
        }

        using var copy = new CopiedDatabase(path);
        var sender = new CountingSender();
        var clock = new FakeTimeProvider();
        using var database = await BenchmarkDatabase.OpenAsync(copy.Path, eventCount, seed, services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
            services.RemoveAll<IAlertSender>();
            services.AddSingleton<IAlertSender>(sender);
        }, cancellationToken);

        // A warm-up run three days earlier, for other channels that are then removed (the JIT's tiers, the page cache). Not counted.
        var services = database.Services;
        var now = database.LastOccurred;
        clock.SetUtcNow(now - TimeSpan.FromDays(3));
        var warmUp = await AddChannelsAsync(services, WarmUpChannels, seed + 1, now - TimeSpan.FromDays(5), "warm-up", cancellationToken);
        await services.GetRequiredService<DigestScheduler>().RunOnceAsync(cancellationToken);
        await SendAllAsync(services, cancellationToken);
        foreach (var subscription in warmUp)
        {
            await services.GetRequiredService<ISubscriptionStore>().RemoveAsync(subscription.Id, cancellationToken);
        }

        sender.Reset();

        // Every digest falls due once, in the run at the end of the events' span: each was set two days before.
        clock.SetUtcNow(now);
        await AddChannelsAsync(services, channelCount, seed, now - TimeSpan.FromDays(2), "channel", cancellationToken);
        var cpuAtStart = Environment.CpuUsage.TotalTime;
        var gcPauseAtStart = GC.GetTotalPauseDuration();
        var collectionsAtStart = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var allocatedAtStart = GC.GetTotalAllocatedBytes();
        var schedule = Stopwatch.StartNew();
        var recorded = await services.GetRequiredService<DigestScheduler>().RunOnceAsync(cancellationToken);
        schedule.Stop();
        var cpuAfterSchedule = Environment.CpuUsage.TotalTime;
        var payloadSize = await MeanPayloadSizeAsync(database.Path, cancellationToken);

        var send = Stopwatch.StartNew();
        await SendAllAsync(services, cancellationToken);
        send.Stop();
        var cpuAfterSend = Environment.CpuUsage.TotalTime;
        var outbox = await services.GetRequiredService<IOutboxStore>().CountAsync(cancellationToken);
        new Measurement(Name, "channels", channelCount, "count").Print();
        new Measurement(Name, "digests_recorded", recorded, "count").Print();
        new Measurement(Name, "digests_sent", sender.Digests, "count").Print();
        new Measurement(Name, "quiet_digests", sender.Quiet, "count").Print();
        new Measurement(Name, "charts", sender.Charts, "count").Print();
        new Measurement(Name, "charts_drawn", sender.ChartsDrawn, "count").Print();
        new Measurement(Name, "mean_png_size", sender.Charts == 0 ? 0 : sender.PngBytes / 1024.0 / sender.Charts, "KB").Print();
        new Measurement(Name, "mean_payload_size", payloadSize / 1024.0, "KB").Print();
        new Measurement(Name, "undelivered", outbox.Pending, "count").Print();
        new Measurement(Name, "schedule_seconds", schedule.Elapsed.TotalSeconds, "s").Print();
        new Measurement(Name, "send_seconds", send.Elapsed.TotalSeconds, "s").Print();
        new Measurement(Name, "schedule_cpu_seconds", (cpuAfterSchedule - cpuAtStart).TotalSeconds, "s").Print();
        new Measurement(Name, "send_cpu_seconds", (cpuAfterSend - cpuAfterSchedule).TotalSeconds, "s").Print();
        new Measurement(Name, "gc_pause_ms", (GC.GetTotalPauseDuration() - gcPauseAtStart).TotalMilliseconds, "ms").Print();
        new Measurement(Name, "gc_collections", GC.CollectionCount(0) - collectionsAtStart.Item1, "count").Print();
        new Measurement(Name, "gc_gen2_collections", GC.CollectionCount(2) - collectionsAtStart.Item3, "count").Print();
        new Measurement(Name, "allocated", (GC.GetTotalAllocatedBytes() - allocatedAtStart) / 1_048_576.0, "MB").Print();
        new Measurement(Name, "total_seconds", (schedule.Elapsed + send.Elapsed).TotalSeconds, "s").Print();
        new Measurement(Name, "digests_per_second", sender.Digests / (schedule.Elapsed + send.Elapsed).TotalSeconds, "digests/s").Print();
        new Measurement(Name, "peak_working_set", Environment.WorkingSet / 1_048_576.0, "MB").Print();
        return outbox.Pending == 0 && sender.Digests == recorded ? 0 : 1;
    }

    private static async Task<List<Subscription>> AddChannelsAsync(
        IServiceProvider services, int count, int seed, DateTimeOffset since, string prefix, CancellationToken cancellationToken)
    {
        var generator = new SubscriptionGenerator(services.GetRequiredService<Gazetteer>(), seed);
        var store = services.GetRequiredService<ISubscriptionStore>();
        var subscriptions = new List<Subscription>(count);
        for (var i = 0; i < count; i++)
        {
            var (zone, at) = Schedules[i % Schedules.Length];
            subscriptions.Add(generator.Next() with
            {
                Target = DeliveryTarget.Console(prefix + "-" + i.ToString(CultureInfo.InvariantCulture)),
                Digest = new DigestSchedule(at, zone, since),
            });
        }

        await Task.WhenAll(subscriptions.Select(subscription => store.AddAsync(subscription, cancellationToken)));
        return subscriptions;
    }

    /// <summary>How large a composed digest is as the outbox keeps it until it is sent.</summary>
    private static async Task<double> MeanPayloadSizeAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = path, Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(AVG(LENGTH(payload)), 0) FROM outbox WHERE action = 'Digest' AND payload IS NOT NULL;";
        return Convert.ToDouble(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>The bot's own dispatcher loop, until the outbox holds nothing to send.</summary>
    private static async Task SendAllAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var outbox = services.GetRequiredService<IOutboxStore>();
        var signal = services.GetRequiredService<OutboxSignal>();
        // A dispatcher of its own: a stopped one claims nothing more, and the warm-up's was stopped.
        var worker = ActivatorUtilities.CreateInstance<DispatcherWorker>(services, ActivatorUtilities.CreateInstance<AlertDispatcher>(services));
        await worker.StartAsync(cancellationToken);
        while (true)
        {
            var seen = signal.Version;
            if ((await outbox.CountAsync(cancellationToken)).Pending == 0)
            {
                break;
            }

            await signal.WaitAsync(seen, TimeSpan.FromSeconds(1), cancellationToken);
        }

        await worker.StopAsync(cancellationToken);
    }

    /// <summary>A copy of the database file (and its side file) in the temp folder, deleted afterwards.</summary>
    private sealed class CopiedDatabase : IDisposable
    {
        public CopiedDatabase(string source)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "borderalertbot-bench", "digest-" + Guid.NewGuid().ToString("N") + ".db");
            File.Copy(source, Path);
            File.Copy(source + ".info.json", Path + ".info.json");
        }

        public string Path { get; }

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { Path, Path + "-wal", Path + "-shm", Path + ".info.json" })
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>A console "platform" that counts the digests it is given (and their charts); alerts are not part of the run.</summary>
    private sealed class CountingSender : IAlertSender
    {
        private int _digests;
        private int _quiet;
        private int _charts;
        private long _pngBytes;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<ChartImage, bool> _drawn = new(ReferenceEqualityComparer.Instance);

        public TargetKind Kind => TargetKind.Console;

        public int MaxEntriesPerMessage => 10;

        public int Digests => Volatile.Read(ref _digests);

        public int Quiet => Volatile.Read(ref _quiet);

        public int Charts => Volatile.Read(ref _charts);

        public long PngBytes => Interlocked.Read(ref _pngBytes);

        /// <summary>How many charts were drawn: the renderer hands digests with the same chart one shared image.</summary>
        public int ChartsDrawn => _drawn.Count;

        public void Reset()
        {
            _digests = _quiet = _charts = 0;
            _pngBytes = 0;
            _drawn.Clear();
        }

        public Task<DeliveryResult> SendAsync(DeliveryTarget target, AlertMessage message, string idempotencyKey, CancellationToken cancellationToken) =>
            Task.FromResult<DeliveryResult>(new DeliveryResult.Delivered("bench-alert"));

        public Task<DeliveryResult> EditAsync(DeliveryTarget target, string messageRef, AlertMessage message, CancellationToken cancellationToken) =>
            Task.FromResult<DeliveryResult>(new DeliveryResult.Delivered(messageRef));

        public Task<DeliveryResult> ReplyAsync(DeliveryTarget target, string messageRef, AlertMessage message, string idempotencyKey, CancellationToken cancellationToken) =>
            Task.FromResult<DeliveryResult>(new DeliveryResult.Delivered(messageRef + "-reply"));

        public Task<DeliveryResult> SendDigestAsync(DeliveryTarget target, Answer digest, string idempotencyKey, CancellationToken cancellationToken)
        {
            var number = Interlocked.Increment(ref _digests);
            if (digest.Image is { } image)
            {
                Interlocked.Increment(ref _charts);
                Interlocked.Add(ref _pngBytes, image.Png.Length);
                _drawn.TryAdd(image, true);
            }
            else
            {
                Interlocked.Increment(ref _quiet);
            }

            return Task.FromResult<DeliveryResult>(new DeliveryResult.Delivered("bench-digest-" + number.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
