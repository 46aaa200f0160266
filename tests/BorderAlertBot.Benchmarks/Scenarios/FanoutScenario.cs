extern alias host;

using System.CommandLine;
using System.Globalization;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Discord.Rest;
using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using BorderAlertBot.Matching;
using BorderAlertBot.Serialization;
using BorderAlertBot.Storage;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Testing.FakeDiscord;
using host::BorderAlertBot.Hosting;
using host::BorderAlertBot.Workers;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BorderAlertBot.Benchmarks.Scenarios;

/// <summary>
/// <c>fanout</c>: one verified event matched by <c>--channels</c> Discord channel subscriptions (distinct channels, group
/// window 0), delivered by the bot's own composition — the watcher and dispatcher loops, the outbox on a fresh SQLite
/// file, the Discord channel sender and its rate limiter, registered as the host registers them — to a
/// <see cref="FakeDiscordServer"/> on 127.0.0.1 with Discord's limits (50 bot requests in any second, per-channel
/// buckets), both on the real clock. Reports how close the run came to the 50/s the platform allows, the 429s the fake
/// had to send (ARCHITECTURE.md §12: ≥ 95 % of the allowed rate, none of our own making), whether every channel got
/// exactly one message, and commit → arrival percentiles.
/// </summary>
public static class FanoutScenario
{
    private const string Name = "fanout";
    private const int Seed = 1027;
    private const string BotToken = "benchmark-bot-token";
    private const string ApplicationId = "1300000000000000001";

    // Subscriptions and the event sit at one border place; warm-up and measured channels watch different subtypes, so
    // each event reaches only its own channels.
    private const EventSubtype WarmUpSubtype = EventSubtype.AirStrike;
    private const EventSubtype MeasuredSubtype = EventSubtype.ArmedClash;

    public static Command Create()
    {
        var channels = new Option<int>("--channels") { Description = "How many Discord channels the event goes to.", DefaultValueFactory = _ => 5_000 };
        var warmUp = new Option<int>("--warm-up") { Description = "Channels of a first fan-out that is not counted (the JIT's tiers, connections); 0 for none.", DefaultValueFactory = _ => 100 };
        var parallel = new Option<int?>("--parallel") { Description = "Delivery:MaxParallelTargets for the run (default: the bot's own default)." };
        var command = new Command(Name, "One event to many Discord channels through the real pipeline against the fake Discord server and its limits.") { channels, warmUp, parallel };
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(Math.Max(1, parseResult.GetValue(channels)), Math.Max(0, parseResult.GetValue(warmUp)), parseResult.GetValue(parallel), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int channelCount, int warmUpCount, int? parallel, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("borderalertbot-fanout-");
        var clock = TimeProvider.System;
        try
        {
            await using var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { BotToken = BotToken, ApplicationId = ApplicationId, TimeProvider = clock }, cancellationToken);
            using var bot = Compose(Path.Combine(folder.FullName, "events.db"), fake.ApiBaseUrl, parallel);
            await bot.Services.GetRequiredService<IStoreInitializer>().InitializeAsync(cancellationToken);

            var gazetteer = bot.Services.GetRequiredService<Gazetteer>();
            var place = gazetteer.Entries[0];
            var generator = new SubscriptionGenerator(gazetteer, Seed);
            var subscriptionStore = bot.Services.GetRequiredService<ISubscriptionStore>();
            var warmUpChannels = await AddChannelsAsync(subscriptionStore, generator, place, WarmUpSubtype, "121", warmUpCount, cancellationToken);
            var measuredChannels = await AddChannelsAsync(subscriptionStore, generator, place, MeasuredSubtype, "120", channelCount, cancellationToken);
            var events = new EventGenerator(gazetteer, bot.Services.GetRequiredService<BorderLocator>(), Seed, "evt_fanout_");
            await bot.StartAsync(cancellationToken);

            var timeout = TimeSpan.FromSeconds(60 + (channelCount * 3.0 / DiscordRateLimiter.GlobalPerSecond));
            if (warmUpCount > 0)
            {
                await FanOutAsync(bot.Services, fake, events.NextAt(place, WarmUpSubtype, jitterKm: 1), warmUpChannels, timeout, cancellationToken);

                // The limiter's rolling second and the fake's start empty for the measured run.
                await Task.Delay(TimeSpan.FromSeconds(2), clock, cancellationToken);
            }

            var run = await FanOutAsync(bot.Services, fake, events.NextAt(place, MeasuredSubtype, jitterKm: 1), measuredChannels, timeout, cancellationToken);
            await bot.StopAsync(CancellationToken.None);

            var figures = FanoutFigures.From(fake, run, measuredChannels, DiscordRateLimiter.GlobalPerSecond);
            new Measurement(Name, "channels", channelCount, "count").Print();
            new Measurement(Name, "max_parallel_targets", bot.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Delivery.DeliveryOptions>>().Value.MaxParallelTargets, "count").Print();
            figures.Print(Name);
            return run.Drained && figures.IsExact && figures.TooManyRequests == 0 ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The bot's services with Discord pointed at the fake, and its watcher and dispatcher loops; no HTTP listener, no sample.</summary>
    private static IHost Compose(string databasePath, Uri apiBaseUrl, int? parallel)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var settings = new Dictionary<string, string?>
        {
            ["Store:Path"] = databasePath,
            ["Sample:LoadIntoEmptyStore"] = "false",
            ["ConsoleAlerts:Enabled"] = "false",
            ["Discord:BotToken"] = BotToken,
            ["Discord:ApplicationId"] = ApplicationId,
            ["Discord:ApiBaseUrl"] = apiBaseUrl.ToString(),
        };
        if (parallel is { } slots)
        {
            settings["Delivery:MaxParallelTargets"] = slots.ToString(CultureInfo.InvariantCulture);
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);

        // As the host: AddBorderAlertBotServices registers Discord through AddBorderAlertBotDiscord(configuration).
        builder.Services.AddBorderAlertBotServices(builder.Configuration);
        builder.Services.AddHostedService<AlertWatcherWorker>();
        builder.Services.AddHostedService<DispatcherWorker>();
        return builder.Build();
    }

    /// <summary>
    /// <paramref name="count"/> subscriptions to <paramref name="subtype"/> within 25 km of <paramref name="place"/>, each
    /// for a Discord channel of its own (<paramref name="prefix"/> and a number: a 19-digit snowflake), group window 0.
    /// </summary>
    private static async Task<IReadOnlyList<string>> AddChannelsAsync(ISubscriptionStore store, SubscriptionGenerator generator, GazetteerEntry place, EventSubtype subtype,
        string prefix, int count, CancellationToken cancellationToken)
    {
        var channels = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var channelId = prefix + i.ToString("D16", CultureInfo.InvariantCulture);
            var subscription = generator.Create([subtype.Kind()], [subtype], [new Region.Place(place, 25)], Severity.Low, TargetKind.DiscordChannel, TimeSpan.Zero);
            await store.AddAsync(subscription with
            {
                Target = new DeliveryTarget(TargetKind.DiscordChannel, channelId),

                // The generator now and then adds keywords or actors; these channels want every such event.
                Filter = subscription.Filter with { VerifiedOnly = true, Keywords = [], Actors = [] },
            }, cancellationToken);
            channels.Add(channelId);
        }

        return channels;
    }

    /// <summary>Commits the event and waits until the outbox holds nothing more to send (or the timeout passes).</summary>
    private static async Task<FanoutRun> FanOutAsync(IServiceProvider services, FakeDiscordServer fake, ConflictEvent conflictEvent, IReadOnlyList<string> channels,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = TimeProvider.System;
        var outbox = services.GetRequiredService<IOutboxStore>();
        var sentBefore = (await outbox.CountAsync(cancellationToken)).Sent;
        var sequenceBefore = fake.ReceivedCount;
        var tooManyBefore = fake.TooManyRequestsByKind;
        var nonceHitsBefore = fake.NonceHits;

        await services.GetRequiredService<IEventStore>().WriteAsync([new EventWrite(conflictEvent, EventDocument.Fingerprint(conflictEvent))], cancellationToken);
        var committedAt = clock.GetUtcNow();

        // When the watcher has put a row for every channel in the outbox (polled, so late by up to the poll interval).
        TimeSpan? enqueued = null;
        var deadline = committedAt + timeout;
        var drained = false;
        while (clock.GetUtcNow() < deadline)
        {
            var counts = await outbox.CountAsync(cancellationToken);
            enqueued ??= counts.Pending + counts.Sent - sentBefore >= channels.Count ? clock.GetUtcNow() - committedAt : null;
            if (enqueued is not null && counts.Pending == 0)
            {
                drained = true;
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(enqueued is null ? 10 : 250), clock, cancellationToken);
        }

        return new FanoutRun(committedAt, sequenceBefore, tooManyBefore, nonceHitsBefore, enqueued ?? timeout, drained, (await outbox.CountAsync(cancellationToken)).DeadLettered);
    }
}
