using System.Diagnostics;
using System.Globalization;
using System.Text;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Domain;
using BorderAlertBot.Hosting;
using BorderAlertBot.Serialization;
using BorderAlertBot.Storage;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Testing.Builders;
using BorderAlertBot.Testing.Files;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace BorderAlertBot.Tests.Delivery;

/// <summary>
/// ARCHITECTURE.md §13, issue 3: the real watcher and dispatcher in a child process (tests/BorderAlertBot.CrashHarness),
/// killed with SIGKILL at random points of a 2,000-alert fan-out and restarted until a run finishes. The harness's sender
/// writes every message to a file and forces it to disk before it reports the message delivered. A line whose key was
/// seen before is what a platform drops (Discord's nonce), so every (target, event) must appear under exactly one key.
/// Each subscription's 20 alerts leave as four messages of 5, so most kills land inside a batch that is part sent.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output) : IDisposable
{
    private const int SubscriptionCount = 100;
    private const int EventCount = 20;
    private const int MaxRuns = 40;
    // Guards against a hang; a run takes 10-30 s on two cores, most of it the pipeline's own work on 2,000 alerts.
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan LineTimeout = TimeSpan.FromSeconds(20);

    private readonly TempDirectory _directory = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task Every_alert_reaches_the_platform_exactly_once_when_the_process_is_killed_and_restarted()
    {
        // Arrange: 100 console subscriptions to everything verified, 20 verified events: 2,000 alerts.
        var database = _directory.File("crash.db");
        var deliveries = _directory.File("deliveries.tsv");
        using var timeout = new CancellationTokenSource(TestTimeout);
        var expected = await SeedAsync(database, timeout.Token);
        var random = new Random(20261128);
        var clock = Stopwatch.StartNew();

        // Act: kill after a random number of messages (a clean run sends 400 of 5 events), restart, until a run ends by itself.
        var kills = 0;
        var finished = false;
        for (var run = 0; run < MaxRuns && !finished; run++)
        {
            finished = await RunHarnessAsync(database, deliveries, run, killAfter: random.Next(1, 100), timeout.Token);
            kills += finished ? 0 : 1;
        }

        // Assert
        Assert.True(finished, $"the harness was still not done after {MaxRuns} runs");
        var report = Deliveries.Read(deliveries);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{kills} kills, {report.Lines} messages on disk, {report.Duplicates} raw duplicates deduped, {clock.Elapsed.TotalSeconds:0.0} s"));
        var missing = expected.Where(pair => !report.KeysByPair.ContainsKey(pair)).ToList();
        var twice = report.KeysByPair.Where(pair => pair.Value.Count > 1).ToList();
        var unexpected = report.KeysByPair.Keys.Where(pair => !expected.Contains(pair)).ToList();
        Assert.True(missing.Count == 0 && twice.Count == 0 && unexpected.Count == 0, string.Join(Environment.NewLine,
            $"{missing.Count} (target, event) pairs never delivered, e.g. {string.Join("; ", missing.Take(3))}",
            $"{twice.Count} pairs delivered under more than one key, e.g. {string.Join("; ", twice.Take(3).Select(pair => $"{pair.Key}: {string.Join(", ", pair.Value)}"))}",
            $"{unexpected.Count} pairs nobody asked for, e.g. {string.Join("; ", unexpected.Take(3))}",
            $"{report.Conflicts.Count} keys sent again with other content, which a platform drops: {string.Join("; ", report.Conflicts.Take(3))}"));
        Assert.Equal(SubscriptionCount * EventCount, report.KeysByPair.Count);
    }

    /// <summary>Runs the harness until it prints "done" (true) or until its <paramref name="killAfter"/>th message, when it is killed (false).</summary>
    private static async Task<bool> RunHarnessAsync(string database, string deliveries, int run, int killAfter, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet", [HarnessAssembly(), database, deliveries, run.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!; // Start returns null only for shell-executed documents.
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, line) =>
        {
            lock (errors)
            {
                errors.AppendLine(line.Data);
            }
        };
        process.BeginErrorReadLine();
        try
        {
            var sent = 0;
            while (await process.StandardOutput.ReadLineAsync(cancellationToken).AsTask().WaitAsync(LineTimeout, cancellationToken) is { } line)
            {
                if (line == "done")
                {
                    await process.WaitForExitAsync(cancellationToken).WaitAsync(LineTimeout, cancellationToken);
                    Assert.Equal(0, process.ExitCode);
                    return true;
                }

                if (line.StartsWith("sent ", StringComparison.Ordinal) && ++sent == killAfter)
                {
                    process.Kill(); // SIGKILL on Unix: no finally blocks, no shutdown, no flushing.
                    await process.WaitForExitAsync(cancellationToken).WaitAsync(LineTimeout, cancellationToken);
                    return false;
                }
            }

            await process.WaitForExitAsync(cancellationToken).WaitAsync(LineTimeout, cancellationToken);
            lock (errors)
            {
                Assert.Fail($"run {run} ended without \"done\" (exit code {process.ExitCode}):{Environment.NewLine}{errors}");
            }

            return false;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>A fresh store through the real services; returns every (target, event) pair that must be delivered.</summary>
    private static async Task<HashSet<(string Target, string EventId)>> SeedAsync(string database, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Store:Path"] = database }).Build();
        await using var services = new ServiceCollection().AddLogging().AddBorderAlertBotServices(configuration).BuildServiceProvider();
        await services.GetRequiredService<IStoreInitializer>().InitializeAsync(cancellationToken);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var subscriptions = services.GetRequiredService<ISubscriptionStore>();
        var targets = new List<DeliveryTarget>();
        for (var i = 0; i < SubscriptionCount; i++)
        {
            var target = DeliveryTarget.Console(string.Create(CultureInfo.InvariantCulture, $"c{i}"));
            await subscriptions.AddAsync(new Subscription(SubscriptionId.New(), target, SubscriptionFilter.Everything, GroupWindow: TimeSpan.Zero,
                UpdateMode.Edit, Mention: null, QuietHours: null, MutedUntil: null, Paused: null, now, "crash-safety-test"), cancellationToken);
            targets.Add(target);
        }

        var events = Enumerable.Range(0, EventCount)
            .Select(_ => new EventBuilder().WithRevision(new RevisionInfo(1, now, "crash-safety-test", ["created"])).Build())
            .ToList();
        await services.GetRequiredService<IEventStore>().WriteAsync([.. events.Select(item => new EventWrite(item, EventDocument.Fingerprint(item)))], cancellationToken);
        SqliteConnection.ClearAllPools();
        return [.. targets.SelectMany(target => events.Select(item => (target.Display, item.Id.Value)))];
    }

    /// <summary>The harness's build output: tests/BorderAlertBot.Tests/bin/{configuration}/{framework} → the harness's.</summary>
    private static string HarnessAssembly()
    {
        var here = Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory);
        var framework = Path.GetFileName(here);
        var configuration = Path.GetFileName(Path.GetDirectoryName(here)) ?? string.Empty;
        var candidate = Path.GetFullPath(Path.Combine(here, "..", "..", "..", "..", "BorderAlertBot.CrashHarness", "bin", configuration, framework, "BorderAlertBot.CrashHarness.dll"));
        return File.Exists(candidate) ? candidate : throw new FileNotFoundException("The crash harness is not built beside the tests.", candidate);
    }

    /// <summary>The deliveries file read as a platform would: the first line under each key counts, later ones are dropped.</summary>
    private sealed record Deliveries(int Lines, int Duplicates, IReadOnlyDictionary<(string Target, string EventId), List<string>> KeysByPair, IReadOnlyList<string> Conflicts)
    {
        public static Deliveries Read(string path)
        {
            var text = File.ReadAllText(path);
            Assert.EndsWith("\n", text, StringComparison.Ordinal); // Each line is written and forced to disk whole.
            var first = new Dictionary<string, string>(StringComparer.Ordinal);
            var keysByPair = new Dictionary<(string, string), List<string>>();
            var conflicts = new List<string>();
            var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            foreach (var line in lines)
            {
                var fields = line.Split('\t');
                Assert.True(fields.Length == 3, $"not key, target and events: {line}");
                var (key, target, events) = (fields[0], fields[1], fields[2]);
                if (first.TryGetValue(key, out var earlier))
                {
                    if (earlier != line)
                    {
                        conflicts.Add($"{key} carried [{earlier.Split('\t')[2]}], later [{events}]");
                    }

                    continue;
                }

                first[key] = line;
                foreach (var eventId in events.Split(','))
                {
                    if (!keysByPair.TryGetValue((target, eventId), out var keys))
                    {
                        keysByPair[(target, eventId)] = keys = [];
                    }

                    keys.Add(key);
                }
            }

            return new Deliveries(lines.Length, lines.Length - first.Count, keysByPair, conflicts);
        }
    }
}
