using System.CommandLine;
using System.Globalization;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Discord.Rest;
using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using BorderAlertBot.Storage;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Testing.FakeDiscord;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlertBot.Benchmarks.Scenarios;

/// <summary>
/// <c>fanout</c>: one verified event matched by <c>--channels</c> Discord channel subscriptions (distinct channels, group
/// window 0), delivered by the bot's own composition — the watcher and dispatcher loops, the outbox on a fresh SQLite
/// file or PostgreSQL database shared by <c>--instances</c> bots, the Discord channel sender and its rate limiter, registered as the host registers them — to a
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
        var store = BenchmarkStore.StoreOption();
        var instances = BenchmarkStore.InstancesOption();
        var connectionString = BenchmarkStore.ConnectionStringOption();
        var asyncCommit = BenchmarkStore.AsyncCommitOption();
        var command = new Command(Name, "One event to many Discord channels through the real pipeline against the fake Discord server and its limits.")
        {
            channels, warmUp, parallel, store, instances, connectionString, asyncCommit,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var where = await BenchmarkStore.CreateAsync(Name, parseResult.GetValue(store)!, parseResult.GetValue(instances), parseResult.GetValue(connectionString),
                parseResult.GetValue(asyncCommit), cancellationToken);
            return await RunAsync(Math.Max(1, parseResult.GetValue(channels)), Math.Max(0, parseResult.GetValue(warmUp)), parseResult.GetValue(parallel), where, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(int channelCount, int warmUpCount, int? parallel, BenchmarkStore where, CancellationToken cancellationToken)
    {
        var clock = TimeProvider.System;
        await using var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { BotToken = BotToken, ApplicationId = ApplicationId, TimeProvider = clock }, cancellationToken);
        var instances = Enumerable.Range(0, where.Instances).Select(_ => FanoutHost.Compose(where.Settings, new Dictionary<string, string?>
        {
            ["Discord:BotToken"] = BotToken,
            ["Discord:ApplicationId"] = ApplicationId,
            ["Discord:ApiBaseUrl"] = fake.ApiBaseUrl.ToString(),
        }, parallel)).ToList();
        try
        {
            var bot = instances[0];
            await bot.Services.GetRequiredService<IStoreInitializer>().InitializeAsync(cancellationToken);

            var gazetteer = bot.Services.GetRequiredService<Gazetteer>();
            var place = gazetteer.Entries[0];
            var generator = new SubscriptionGenerator(gazetteer, Seed);
            var subscriptionStore = bot.Services.GetRequiredService<ISubscriptionStore>();
            var warmUpChannels = await AddChannelsAsync(subscriptionStore, generator, place, WarmUpSubtype, "121", warmUpCount, cancellationToken);
            var measuredChannels = await AddChannelsAsync(subscriptionStore, generator, place, MeasuredSubtype, "120", channelCount, cancellationToken);
            var events = new EventGenerator(gazetteer, bot.Services.GetRequiredService<BorderLocator>(), Seed, "evt_fanout_");
            await FanoutHost.StartAllAsync(instances, cancellationToken);

            var timeout = TimeSpan.FromSeconds(60 + (channelCount * 3.0 / DiscordRateLimiter.GlobalPerSecond));
            if (warmUpCount > 0)
            {
                await FanOutAsync(bot.Services, fake, events.NextAt(place, WarmUpSubtype, jitterKm: 1), warmUpChannels, timeout, cancellationToken);

                // The limiter's rolling second and the fake's start empty for the measured run.
                await Task.Delay(TimeSpan.FromSeconds(2), clock, cancellationToken);
            }

            var run = await FanOutAsync(bot.Services, fake, events.NextAt(place, MeasuredSubtype, jitterKm: 1), measuredChannels, timeout, cancellationToken);
            foreach (var instance in instances)
            {
                await instance.StopAsync(CancellationToken.None);
            }

            var figures = FanoutFigures.From(fake, run, measuredChannels, DiscordRateLimiter.GlobalPerSecond);
            where.Print(Name);
            new Measurement(Name, "channels", channelCount, "count").Print();
            new Measurement(Name, "max_parallel_targets", FanoutHost.MaxParallelTargets(bot.Services), "count").Print();
            figures.Print(Name);
            return run.Drain.Drained && figures.IsExact && figures.TooManyRequests == 0 ? 0 : 1;
        }
        finally
        {
            foreach (var instance in instances)
            {
                instance.Dispose();
            }
        }
    }

    /// <summary>Commits the event and waits until the outbox holds nothing more to send (or the timeout passes).</summary>
    private static async Task<FanoutRun> FanOutAsync(IServiceProvider services, FakeDiscordServer fake, ConflictEvent conflictEvent, IReadOnlyList<string> channels,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        var sequenceBefore = fake.ReceivedCount;
        var tooManyBefore = fake.TooManyRequestsByKind;
        var nonceHitsBefore = fake.NonceHits;
        var drain = await FanoutHost.CommitAndDrainAsync(services, [conflictEvent], channels.Count, timeout, cancellationToken);
        return new FanoutRun(drain, sequenceBefore, tooManyBefore, nonceHitsBefore);
    }

    /// <summary>
    /// <paramref name="count"/> subscriptions to <paramref name="subtype"/> within 25 km of <paramref name="place"/>, each
    /// for a Discord channel of its own (<paramref name="prefix"/> and a number: a 19-digit snowflake), group window 0.
    /// </summary>
    private static Task<IReadOnlyList<string>> AddChannelsAsync(ISubscriptionStore store, SubscriptionGenerator generator, GazetteerEntry place, EventSubtype subtype,
        string prefix, int count, CancellationToken cancellationToken) =>
        FanoutHost.AddChannelsAsync(store, generator, TargetKind.DiscordChannel, [subtype], [new Region.Place(place, 25)],
            i => prefix + i.ToString("D16", CultureInfo.InvariantCulture), count, cancellationToken);
}
