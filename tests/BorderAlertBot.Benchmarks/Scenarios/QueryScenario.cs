using System.CommandLine;
using System.Diagnostics;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Answers;
using BorderAlertBot.Commands;
using BorderAlertBot.Storage;
using BorderAlertBot.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlertBot.Benchmarks.Scenarios;

/// <summary>
/// <c>query</c>: <c>/border latest</c> and <c>/border summary 30d</c> (each also with a kind or region) over a
/// <see cref="BenchmarkDatabase"/> of a million events, read by the real <see cref="CommandParser"/> and answered by the
/// real <see cref="CommandAnswerer"/> as the bot composes them, chart included (ARCHITECTURE.md §12: p99 ≤ 25 ms in
/// process). Each round asks every command once, as of a "now" drawn at random from the events' time span (the summary's
/// period and the one before lie inside it), after a warm-up of the same. The chart renderer is timed on its own too, so
/// the figures also say what the store and the answer cost without it.
/// </summary>
public static class QueryScenario
{
    private const string Name = "query";
    private const int DefaultSeed = 1027;

    private static readonly string[] Commands = ["latest", "latest clash CN-MM 5", "summary 30d", "summary 30d CN-MM"];

    public static Command Create()
    {
        var events = new Option<int>("--events") { Description = "How many events the database holds.", DefaultValueFactory = _ => 1_000_000 };
        var queries = new Option<int>("--queries") { Description = "How many times each command is answered (after the warm-up).", DefaultValueFactory = _ => 500 };
        var warmUp = new Option<int>("--warm-up") { Description = "How many times each command is answered first, not counted.", DefaultValueFactory = _ => 50 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated events and of the \"now\" points.", DefaultValueFactory = _ => DefaultSeed };
        var database = new Option<FileInfo>("--database")
        {
            Description = "The SQLite file to use: reused when it holds the same events, built otherwise (default: a file per size and seed in the temp folder).",
        };
        var command = new Command(Name, "Latency of latest and summary answered over a large SQLite store.") { events, queries, warmUp, seed, database };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var count = Math.Max(1, parseResult.GetValue(events));
            var seedValue = parseResult.GetValue(seed);
            var path = parseResult.GetValue(database)?.FullName ?? BenchmarkDatabase.DefaultPath(count, seedValue);
            return RunAsync(path, count, Math.Max(1, parseResult.GetValue(queries)), Math.Max(0, parseResult.GetValue(warmUp)), seedValue, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string path, int eventCount, int queryCount, int warmUpCount, int seed, CancellationToken cancellationToken)
    {
        var open = Stopwatch.StartNew();
        using var database = await BenchmarkDatabase.OpenAsync(path, eventCount, seed, TimedChartRenderer.Decorate, cancellationToken);
        open.Stop();
        new Measurement(Name, "events", database.Events, "count").Print();
        new Measurement(Name, "database_size", database.SizeBytes / 1_048_576.0, "MB").Print();
        if (database.BuildTime is { } buildTime)
        {
            new Measurement(Name, "database_build_seconds", buildTime.TotalSeconds, "s").Print();
            new Measurement(Name, "database_build_rate", database.Events / buildTime.TotalSeconds, "events/s").Print();
        }
        else
        {
            // Reused: this is opening it, with any migration added since it was built.
            new Measurement(Name, "database_open_seconds", open.Elapsed.TotalSeconds, "s").Print();
        }

        var parser = database.Services.GetRequiredService<CommandParser>();
        var answerer = database.Services.GetRequiredService<CommandAnswerer>();
        var chart = (TimedChartRenderer)database.Services.GetRequiredService<IChartRenderer>();
        var caller = CommandCaller.Operator(DeliveryTarget.Console());
        var nows = NowPoints(database, warmUpCount + queryCount, seed);
        var problems = 0;

        async Task<(double Total, double Chart)> AskAsync(string text, DateTimeOffset now)
        {
            chart.Reset();
            var start = Stopwatch.GetTimestamp();
            if (parser.Parse(text) is not CommandParseResult.Parsed parsed)
            {
                throw new InvalidOperationException($"'{text}' does not parse.");
            }

            var answer = await answerer.AnswerAsync(parsed.Command, caller, now, cancellationToken);
            var total = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            problems += answer.IsProblem || !answer.Blocks.Any(block => block is AnswerBlock.EventList) ? 1 : 0;
            return (total, chart.Elapsed.TotalMilliseconds);
        }

        for (var i = 0; i < warmUpCount; i++)
        {
            foreach (var text in Commands)
            {
                await AskAsync(text, nows[i]);
            }
        }

        var timings = Commands.ToDictionary(text => text, _ => new List<(double Total, double Chart)>(queryCount));
        problems = 0;
        var gcPauseBefore = GC.GetTotalPauseDuration();
        for (var i = warmUpCount; i < nows.Length; i++)
        {
            foreach (var text in Commands)
            {
                timings[text].Add(await AskAsync(text, nows[i]));
            }
        }

        var gcPause = GC.GetTotalPauseDuration() - gcPauseBefore;
        new Measurement(Name, "queries_per_command", queryCount, "count").Print();
        foreach (var text in Commands)
        {
            var metric = MetricName(text);
            Print(metric, [.. timings[text].Select(timing => timing.Total).Order()]);
            if (timings[text].Any(timing => timing.Chart > 0))
            {
                Print(metric + "_chart", [.. timings[text].Select(timing => timing.Chart).Order()]);
                Print(metric + "_without_chart", [.. timings[text].Select(timing => timing.Total - timing.Chart).Order()]);
            }
        }

        new Measurement(Name, "answers_without_events", problems, "count").Print();
        new Measurement(Name, "gc_pause_ms", gcPause.TotalMilliseconds, "ms").Print();

        // Every answer must have listed events: an empty or failed answer would be a fast one that measures nothing.
        return problems == 0 ? 0 : 1;
    }

    /// <summary>Instants drawn uniformly from the span in which a 30-day summary and the period before hold events.</summary>
    private static DateTimeOffset[] NowPoints(BenchmarkDatabase database, int count, int seed)
    {
        var random = new Random(seed);
        var earliest = database.FirstOccurred + TimeSpan.FromDays(60);
        var span = database.LastOccurred - earliest;
        return [.. Enumerable.Range(0, count).Select(_ => span <= TimeSpan.Zero ? database.LastOccurred : earliest + (span * random.NextDouble()))];
    }

    private static string MetricName(string command) =>
        string.Concat(command.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));

    private static void Print(string metric, double[] sorted)
    {
        new Measurement(Name, metric + "_p50_ms", Percentile(sorted, 50), "ms").Print();
        new Measurement(Name, metric + "_p95_ms", Percentile(sorted, 95), "ms").Print();
        new Measurement(Name, metric + "_p99_ms", Percentile(sorted, 99), "ms").Print();
        new Measurement(Name, metric + "_max_ms", sorted.Length == 0 ? double.NaN : sorted[^1], "ms").Print();
    }

    private static double Percentile(double[] sorted, double percent) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>The bot's chart renderer, timed: how long the renders since the last <see cref="Reset"/> took.</summary>
    private sealed class TimedChartRenderer(IChartRenderer inner) : IChartRenderer
    {
        public TimeSpan Elapsed { get; private set; }

        /// <summary>Wraps whichever <see cref="IChartRenderer"/> the bot's composition registered.</summary>
        public static void Decorate(IServiceCollection services)
        {
            var original = services.Last(descriptor => descriptor.ServiceType == typeof(IChartRenderer));
            services.Remove(original);
            services.AddSingleton<IChartRenderer>(provider => new TimedChartRenderer(
                original.ImplementationInstance as IChartRenderer
                ?? original.ImplementationFactory?.Invoke(provider) as IChartRenderer
                ?? (IChartRenderer)ActivatorUtilities.CreateInstance(provider, original.ImplementationType!))); // One of the three is set.
        }

        public void Reset() => Elapsed = TimeSpan.Zero;

        public ChartImage RenderEventsPerDay(IReadOnlyList<DailyCount> counts, DateOnly from, DateOnly to, string title)
        {
            var start = Stopwatch.GetTimestamp();
            var image = inner.RenderEventsPerDay(counts, from, to, title);
            Elapsed += Stopwatch.GetElapsedTime(start);
            return image;
        }
    }
}
