extern alias host;

using System.Globalization;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Coordination;
using BorderAlertBot.Delivery;
using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using BorderAlertBot.Serialization;
using BorderAlertBot.Storage;
using BorderAlertBot.Subscriptions;
using host::BorderAlertBot.Hosting;
using host::BorderAlertBot.Workers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Benchmarks.Scenarios;

/// <summary>
/// What the fan-out scenarios share, whatever the platform: the bot's own composition (its services as the host registers
/// them, the watcher and dispatcher loops, no HTTP listener, no sample) on a fresh store, one or several instances of it, channel subscriptions
/// added straight to the store, and a commit whose outbox is waited on until it has drained.
/// </summary>
public static class FanoutHost
{
    /// <summary>
    /// The bot's services with <paramref name="platformSettings"/> (the platform's token and a base URL pointing at its
    /// fake) on top of the store path, and <c>Delivery:MaxParallelTargets</c> when <paramref name="parallel"/> is set.
    /// </summary>
    public static IHost Compose(IReadOnlyDictionary<string, string?> storeSettings, IReadOnlyDictionary<string, string?> platformSettings, int? parallel)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var settings = new Dictionary<string, string?>
        {
            ["Sample:LoadIntoEmptyStore"] = "false",
            ["ConsoleAlerts:Enabled"] = "false",
        };
        foreach (var (key, value) in storeSettings.Concat(platformSettings))
        {
            settings[key] = value;
        }

        if (parallel is { } slots)
        {
            settings["Delivery:MaxParallelTargets"] = slots.ToString(CultureInfo.InvariantCulture);
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);

        // As the host: AddBorderAlertBotServices registers every configured platform (Discord, Slack) from the configuration.
        builder.Services.AddBorderAlertBotServices(builder.Configuration);
        builder.Services.AddHostedService<ClusterPresenceWorker>();
        builder.Services.AddHostedService<AlertWatcherWorker>();
        builder.Services.AddHostedService<DispatcherWorker>();
        return builder.Build();
    }

    /// <summary>
    /// Starts every instance and waits until each counts them all (its <see cref="ClusterShare"/>, renewed every third of
    /// a lease), so shared platform budgets are split before anything is measured.
    /// </summary>
    public static async Task StartAllAsync(IReadOnlyList<IHost> instances, CancellationToken cancellationToken)
    {
        foreach (var instance in instances)
        {
            await instance.StartAsync(cancellationToken);
        }

        var clock = TimeProvider.System;
        var deadline = clock.GetUtcNow() + TimeSpan.FromSeconds(30);
        while (instances.Any(instance => instance.Services.GetRequiredService<ClusterShare>().Instances != instances.Count) && clock.GetUtcNow() < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), clock, cancellationToken);
        }
    }

    /// <summary>The dispatcher's parallel slots as the run configured them.</summary>
    public static int MaxParallelTargets(IServiceProvider services) => services.GetRequiredService<IOptions<DeliveryOptions>>().Value.MaxParallelTargets;

    /// <summary>
    /// <paramref name="count"/> subscriptions to <paramref name="subtypes"/> in <paramref name="regions"/>, each for a
    /// <paramref name="kind"/> channel of its own (<paramref name="channelId"/> of its number), group window 0, verified
    /// events only, no keyword or actor filter. Returns the channel ids in order.
    /// </summary>
    public static async Task<IReadOnlyList<string>> AddChannelsAsync(ISubscriptionStore store, SubscriptionGenerator generator, TargetKind kind,
        IReadOnlyList<EventSubtype> subtypes, IReadOnlyList<Region> regions, Func<int, string> channelId, int count, CancellationToken cancellationToken)
    {
        var kinds = subtypes.Select(subtype => subtype.Kind()).Distinct().ToList();
        var channels = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var id = channelId(i);
            var subscription = generator.Create(kinds, subtypes, regions, Severity.Low, kind, TimeSpan.Zero);
            await store.AddAsync(subscription with
            {
                Target = new DeliveryTarget(kind, id),

                // The generator now and then adds keywords or actors; these channels want every such event.
                Filter = subscription.Filter with { VerifiedOnly = true, Keywords = [], Actors = [] },
            }, cancellationToken);
            channels.Add(id);
        }

        return channels;
    }

    /// <summary>
    /// Commits <paramref name="events"/> in one write and waits until the watcher has queued <paramref name="expectedRows"/>
    /// outbox rows and the outbox holds nothing more to send (or the timeout passes).
    /// </summary>
    public static async Task<FanoutDrain> CommitAndDrainAsync(IServiceProvider services, IReadOnlyList<ConflictEvent> events, int expectedRows, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var clock = TimeProvider.System;
        var outbox = services.GetRequiredService<IOutboxStore>();
        var sentBefore = (await outbox.CountAsync(cancellationToken)).Sent;

        await services.GetRequiredService<IEventStore>().WriteAsync([.. events.Select(conflictEvent => new EventWrite(conflictEvent, EventDocument.Fingerprint(conflictEvent)))], cancellationToken);
        var committedAt = clock.GetUtcNow();

        // When the watcher has put every row in the outbox (polled, so late by up to the poll interval).
        TimeSpan? enqueued = null;
        var deadline = committedAt + timeout;
        var drained = false;
        while (clock.GetUtcNow() < deadline)
        {
            var counts = await outbox.CountAsync(cancellationToken);
            enqueued ??= counts.Pending + counts.Sent - sentBefore >= expectedRows ? clock.GetUtcNow() - committedAt : null;
            if (enqueued is not null && counts.Pending == 0)
            {
                drained = true;
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(enqueued is null ? 10 : 250), clock, cancellationToken);
        }

        return new FanoutDrain(committedAt, enqueued ?? timeout, drained, (await outbox.CountAsync(cancellationToken)).DeadLettered);
    }
}
