using System.CommandLine;
using System.Diagnostics;
using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using BorderAlertBot.Matching;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Benchmarks.Scenarios;

/// <summary>
/// <c>match</c>: generated subscriptions in a <see cref="SubscriptionIndex"/>, generated events matched against it
/// (ARCHITECTURE.md §12: 100,000 × 1,000,000 in ≤ 10 s), then the same events against the same subscriptions plus ones
/// that can never match (the time must change by &lt; 10 %). Events are generated in chunks, outside the stopwatch; each
/// chunk is matched against both indexes, alternating which goes first, so both see the same events in the same state.
/// </summary>
public static class MatchScenario
{
    private const string Name = "match";
    private const int WarmUpEvents = 5_000;
    private const double DefaultBorderShare = 2;

    public static Command Create()
    {
        var subscriptions = new Option<int>("--subscriptions") { Description = "How many subscriptions to generate.", DefaultValueFactory = _ => 100_000 };
        var events = new Option<int>("--events") { Description = "How many events to match.", DefaultValueFactory = _ => 1_000_000 };
        var borderShare = new Option<double>("--border-share")
        {
            Description = "Percent of the subscriptions that watch the bundled border (its places, CN-MM, MM, CN); the others watch countries and borders elsewhere.",
            DefaultValueFactory = _ => DefaultBorderShare,
        };
        var neverMatching = new Option<int>("--never-matching") { Description = "How many subscriptions that can never match to add for the second run.", DefaultValueFactory = _ => 100_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated subscriptions and events.", DefaultValueFactory = _ => 1027 };
        var chunk = new Option<int>("--chunk") { Description = "How many events are generated and held at once.", DefaultValueFactory = _ => 50_000 };
        var command = new Command(Name, "Match generated events against generated subscriptions, with and without never-matching ones.")
        {
            subscriptions, borderShare, events, neverMatching, seed, chunk,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(subscriptions), Math.Clamp(parseResult.GetValue(borderShare), 0, 100), parseResult.GetValue(events), parseResult.GetValue(neverMatching),
            parseResult.GetValue(seed), Math.Max(1, parseResult.GetValue(chunk))));
        return command;
    }

    private static int Run(int subscriptionCount, double borderShare, int eventCount, int neverMatchingCount, int seed, int chunkSize)
    {
        var gazetteer = Gazetteer.Bundled;
        var locator = new BorderLocator(gazetteer, BorderLines.Bundled, new GeographyOptions());
        var generator = new SubscriptionGenerator(gazetteer, seed);
        var subscriptions = new Subscription[subscriptionCount];
        var onBorder = 0;
        for (var i = 0; i < subscriptionCount; i++)
        {
            // Spread evenly: subscription i watches the border when the running share passes the next whole one.
            var watchesBorder = Math.Floor((i + 1) * borderShare / 100) > Math.Floor(i * borderShare / 100);
            subscriptions[i] = watchesBorder ? generator.Next() : generator.NextElsewhere();
            onBorder += watchesBorder ? 1 : 0;
        }

        var neverMatching = new Subscription[neverMatchingCount];
        for (var i = 0; i < neverMatchingCount; i++)
        {
            neverMatching[i] = generator.NextElsewhere();
        }

        var build = Stopwatch.StartNew();
        var index = SubscriptionIndex.Build(subscriptions);
        build.Stop();
        var buildWithNeverMatching = Stopwatch.StartNew();
        var indexWithNeverMatching = SubscriptionIndex.Build([.. subscriptions, .. neverMatching]);
        buildWithNeverMatching.Stop();

        // Warm-up on other events (the JIT's tiers settle), which also gives the candidate count the index looks at.
        var warmUp = new EventGenerator(gazetteer, locator, seed + 1, "evt_warmup_").Next(Math.Min(WarmUpEvents, eventCount));
        long warmUpCandidates = 0;
        foreach (var conflictEvent in warmUp)
        {
            index.Match(conflictEvent);
            indexWithNeverMatching.Match(conflictEvent);
            warmUpCandidates += index.Candidates(conflictEvent).Count;
        }

        var events = new EventGenerator(gazetteer, locator, seed);
        var elapsed = TimeSpan.Zero;
        var elapsedWithNeverMatching = TimeSpan.Zero;
        long matches = 0;
        long matchesWithNeverMatching = 0;
        GC.Collect();
        for (var (done, chunk) = (0, 0); done < eventCount; done += chunkSize, chunk++)
        {
            var batch = events.Next(Math.Min(chunkSize, eventCount - done));
            GC.Collect(); // The fresh chunk is promoted now, outside the stopwatch, not by the first collection inside it.
            if (chunk % 2 == 0)
            {
                elapsed += Time(index, batch, ref matches);
                elapsedWithNeverMatching += Time(indexWithNeverMatching, batch, ref matchesWithNeverMatching);
            }
            else
            {
                elapsedWithNeverMatching += Time(indexWithNeverMatching, batch, ref matchesWithNeverMatching);
                elapsed += Time(index, batch, ref matches);
            }
        }

        new Measurement(Name, "subscriptions", subscriptionCount, "count").Print();
        new Measurement(Name, "subscriptions_on_border", onBorder, "count").Print();
        new Measurement(Name, "events", eventCount, "count").Print();
        new Measurement(Name, "index_build_seconds", build.Elapsed.TotalSeconds, "s").Print();
        new Measurement(Name, "match_seconds", elapsed.TotalSeconds, "s").Print();
        new Measurement(Name, "events_per_second", eventCount / elapsed.TotalSeconds, "events/s").Print();
        new Measurement(Name, "matches_total", matches, "count").Print();
        new Measurement(Name, "matches_per_event", (double)matches / Math.Max(1, eventCount), "count").Print();
        new Measurement(Name, "candidates_per_event", (double)warmUpCandidates / Math.Max(1, warmUp.Length), "count").Print();
        new Measurement(Name, "never_matching_subscriptions", neverMatchingCount, "count").Print();
        new Measurement(Name, "index_build_seconds_with_never_matching", buildWithNeverMatching.Elapsed.TotalSeconds, "s").Print();
        new Measurement(Name, "match_seconds_with_never_matching", elapsedWithNeverMatching.TotalSeconds, "s").Print();
        new Measurement(Name, "change_percent", (elapsedWithNeverMatching - elapsed) / elapsed * 100, "%").Print();
        new Measurement(Name, "peak_working_set", Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576.0, "MB").Print();

        // The never-matching subscriptions must not have matched anything: otherwise the comparison means nothing.
        return matches == matchesWithNeverMatching ? 0 : 1;
    }

    private static TimeSpan Time(SubscriptionIndex index, ConflictEvent[] events, ref long matches)
    {
        long found = 0;
        var stopwatch = Stopwatch.StartNew();
        foreach (var conflictEvent in events)
        {
            found += index.Match(conflictEvent).Count;
        }

        stopwatch.Stop();
        matches += found;
        return stopwatch.Elapsed;
    }
}
