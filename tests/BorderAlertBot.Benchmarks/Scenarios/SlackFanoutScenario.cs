using System.CommandLine;
using System.Globalization;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using BorderAlertBot.Slack.Rendering;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Testing.FakeSlack;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlertBot.Benchmarks.Scenarios;

/// <summary>
/// <c>fanout-slack</c>: <c>--events</c> verified events, committed at once, each matched by every one of <c>--channels</c>
/// Slack channel subscriptions (distinct channels, group window 0, every event an alert of its own). Rows due together
/// for one subscription are one group even at window 0, and the dispatcher sends a group as messages of
/// <see cref="SlackAlertRenderer.MaxEntriesPerMessage"/> alerts, so each channel gets ⌈events / 5⌉ messages (300 events:
/// 60 messages a channel). Delivered by the bot's own composition (<see cref="FanoutHost"/>: the watcher and dispatcher loops, the
/// outbox on a fresh SQLite file, the Slack channel sender and its rate limiter as the host registers them) to a
/// <see cref="FakeSlackServer"/> on 127.0.0.1, on the real clock. Slack lets a channel take a burst, then about one
/// message a second (platforms/slack.md §5), so each channel's backlog takes about (events − burst) seconds at best.
/// The fake's workspace cap is set well above what the channels need, and the bot's own workspace budget to what they
/// need, so the per-channel pace is the binding limit. Reports how close each channel came to the allowed pace, the 429s
/// the fake sent by cause (ARCHITECTURE.md §12, issue 6: ≥ 95 % of the allowed per-channel rate, none of our own making),
/// whether every channel got every message exactly once, and commit → arrival percentiles.
/// </summary>
public static class SlackFanoutScenario
{
    private const string Name = "fanout-slack";
    private const int Seed = 1031;
    private const string BotToken = "xoxb-0000000001-0000000002-benchmarkbenchmarkbench";
    private const int ChannelBurst = 3;
    private static readonly TimeSpan ChannelInterval = TimeSpan.FromSeconds(1);

    /// <summary>The most <c>Slack:WorkspaceMessagesPerMinute</c> may be (<c>SlackOptions</c> validation).</summary>
    private const int MaxWorkspaceMessagesPerMinute = 600;

    public static Command Create()
    {
        var channels = new Option<int>("--channels")
        {
            Description = "How many Slack channels every event goes to. Above 10, the channels' 1/s each needs more than the 600 chat.postMessage per minute the bot may be configured for, and the workspace budget binds instead.",
            DefaultValueFactory = _ => 10,
        };
        var events = new Option<int>("--events")
        {
            Description = "How many events (each its own alert in every channel) are committed at once; a channel gets them as messages of 5 alerts each.",
            DefaultValueFactory = _ => 300,
        };
        var parallel = new Option<int?>("--parallel") { Description = "Delivery:MaxParallelTargets for the run (default: the bot's own default)." };
        var command = new Command(Name, "Many events to many Slack channels through the real pipeline against the fake Slack server and its per-channel pace.") { channels, events, parallel };
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(Math.Max(1, parseResult.GetValue(channels)), Math.Max(1, parseResult.GetValue(events)), parseResult.GetValue(parallel), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int channelCount, int eventCount, int? parallel, CancellationToken cancellationToken)
    {
        var messagesPerChannel = (eventCount + SlackAlertRenderer.MaxEntriesPerMessage - 1) / SlackAlertRenderer.MaxEntriesPerMessage;

        // What the channels need at 1/s each, and what the bot may be given: above it the workspace budget is the limit.
        var channelDemandPerMinute = channelCount * 60;
        var workspacePerMinute = Math.Clamp(channelDemandPerMinute, 10, MaxWorkspaceMessagesPerMinute);
        if (channelDemandPerMinute > MaxWorkspaceMessagesPerMinute)
        {
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{Name}: {channelCount} channels need {channelDemandPerMinute} chat.postMessage per minute; the bot may be configured for at most {MaxWorkspaceMessagesPerMinute}, so its workspace budget, not the channels' pace, binds."));
        }

        var folder = Directory.CreateTempSubdirectory("borderalertbot-fanout-slack-");
        try
        {
            var fakeOptions = new FakeSlackOptions
            {
                BotToken = BotToken,
                TimeProvider = TimeProvider.System,
                ChannelPostInterval = ChannelInterval,
                ChannelPostBurst = ChannelBurst,
                WorkspacePostsPerMinute = channelDemandPerMinute * 2,
            };
            await using var fake = await FakeSlackServer.StartAsync(fakeOptions, cancellationToken);
            using var bot = FanoutHost.Compose(new Dictionary<string, string?> { ["Store:Path"] = Path.Combine(folder.FullName, "events.db") }, new Dictionary<string, string?>
            {
                ["Slack:BotToken"] = BotToken,
                ["Slack:ApiBaseUrl"] = fake.ApiBaseUrl.ToString(),
                ["Slack:ChannelBurst"] = ChannelBurst.ToString(CultureInfo.InvariantCulture),
                ["Slack:WorkspaceMessagesPerMinute"] = workspacePerMinute.ToString(CultureInfo.InvariantCulture),
            }, parallel);
            await bot.Services.GetRequiredService<IStoreInitializer>().InitializeAsync(cancellationToken);

            var gazetteer = bot.Services.GetRequiredService<Gazetteer>();
            var conflictEvents = DistinctEvents(new EventGenerator(gazetteer, bot.Services.GetRequiredService<BorderLocator>(), Seed, "evt_fanout_slack_"), eventCount);
            var subtypes = conflictEvents.Select(conflictEvent => conflictEvent.Subtype).Distinct().ToList();
            var regions = conflictEvents.Select(conflictEvent => conflictEvent.Location!.Place).Distinct()
                .Select(place => (Region)new Region.Place(gazetteer.Entries.First(entry => entry.Name == place), 25)).ToList();
            var channels = await FanoutHost.AddChannelsAsync(bot.Services.GetRequiredService<ISubscriptionStore>(), new SubscriptionGenerator(gazetteer, Seed),
                TargetKind.SlackChannel, subtypes, regions, i => "C0BENCH" + (i + 1).ToString("D4", CultureInfo.InvariantCulture), channelCount, cancellationToken);
            await bot.StartAsync(cancellationToken);

            var sequenceBefore = fake.ReceivedCount;
            var tooManyBefore = fake.TooManyRequestsByKind;
            var timeout = TimeSpan.FromSeconds(60 + (messagesPerChannel * 2 * ChannelInterval.TotalSeconds) + (channelCount * messagesPerChannel * 60.0 / workspacePerMinute));
            var drain = await FanoutHost.CommitAndDrainAsync(bot.Services, conflictEvents, channelCount * eventCount, timeout, cancellationToken);
            await bot.StopAsync(CancellationToken.None);

            var figures = SlackFanoutFigures.From(fake, drain, sequenceBefore, tooManyBefore, channels, messagesPerChannel, ChannelBurst, ChannelInterval);
            new Measurement(Name, "channels", channelCount, "count").Print();
            new Measurement(Name, "events", eventCount, "count").Print();
            new Measurement(Name, "expected_messages_per_channel", messagesPerChannel, "count").Print();
            new Measurement(Name, "max_parallel_targets", FanoutHost.MaxParallelTargets(bot.Services), "count").Print();
            new Measurement(Name, "bot_workspace_messages_per_minute", workspacePerMinute, "messages/min").Print();
            new Measurement(Name, "fake_workspace_posts_per_minute", fakeOptions.WorkspacePostsPerMinute, "messages/min").Print();
            new Measurement(Name, "channel_demand_per_minute", channelDemandPerMinute, "messages/min").Print();
            new Measurement(Name, "drained", drain.Drained ? 1 : 0, "bool").Print();
            figures.Print(Name);
            return drain.Drained && figures.IsExact && figures.TooManyRequests == 0 && figures.RatePercent >= 95 ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// <paramref name="count"/> events, each its own id and, while the bundled places last, a (place, subtype) pair no
    /// other has: the places in turn, every subtype at each.
    /// </summary>
    private static ConflictEvent[] DistinctEvents(EventGenerator generator, int count)
    {
        var subtypes = Enum.GetValues<EventSubtype>();
        var places = generator.Places;
        return [.. Enumerable.Range(0, count).Select(i => generator.NextAt(places[i / subtypes.Length % places.Length], subtypes[i % subtypes.Length], jitterKm: 1))];
    }
}
