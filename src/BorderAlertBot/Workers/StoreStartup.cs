using BorderAlertBot.Abstractions;
using BorderAlertBot.Coordination;
using BorderAlertBot.Curation;
using BorderAlertBot.Health;
using BorderAlertBot.Hosting;
using BorderAlertBot.Ingestion;
using BorderAlertBot.Subscriptions;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Workers;

/// <summary>
/// Migrates the store before anything else runs, then brings the configured subscriptions in line and loads the sample
/// scenario into an empty store — on one instance at a time (the <see cref="LeaseName"/> lease), so instances starting
/// together on one PostgreSQL neither load the sample twice nor race over the subscriptions.
/// </summary>
public sealed partial class StoreStartup(
    IStoreInitializer initializer,
    IEventQueries queries,
    EventImporter importer,
    IOptions<SampleOptions> sample,
    IOptions<ConsoleAlertsOptions> console,
    IOptions<ConfiguredSubscriptionsOptions> configured,
    IOptions<CurationOptions> curation,
    ConfiguredSubscriptionReader configuredReader,
    ConfiguredSubscriptionSync configuredSync,
    ISubscriptionStore subscriptions,
    ICursorStore cursors,
    ClusterLease lease,
    Readiness readiness,
    TimeProvider timeProvider,
    ILogger<StoreStartup> logger) : IHostedService
{
    public const string SampleCurator = "sample-scenario";
    public const string LeaseName = "store-startup";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await initializer.InitializeAsync(cancellationToken);
        readiness.StoreMigrated();
        await lease.RunAsync(LeaseName, PrepareAsync, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await SyncConfiguredSubscriptionsAsync(cancellationToken);
        await EnsureConsoleSubscriptionAsync(cancellationToken);
        var count = await queries.CountAsync(cancellationToken);
        if (count > 0 || !sample.Value.LoadIntoEmptyStore)
        {
            Log.StoreReady(logger, count);
            return;
        }

        // The first step now; SampleReplayWorker brings the later ones (revisions, a retraction) a little later.
        await SampleReplayWorker.ImportStepAsync(importer, cursors, 0, logger, cancellationToken);
    }

    /// <summary>
    /// The subscriptions in <c>Subscriptions:Configured</c> and the curators' channel (<c>Curation:QueueTarget</c>), added,
    /// updated or removed to match (validated on start).
    /// </summary>
    private async Task SyncConfiguredSubscriptionsAsync(CancellationToken cancellationToken)
    {
        var wanted = configuredReader.Read(configured.Value, []).ToList();
        if (curation.Value.QueueTarget is { Length: > 0 } queue && DeliveryTarget.TryParse(queue, out var target, out _))
        {
            wanted.Add(ConfiguredSubscription.CurationQueue(target!)); // Parsed: validated on start.
        }

        var changes = await configuredSync.SyncAsync(wanted, cancellationToken);
        if (changes.Added.Count + changes.Updated.Count + changes.Removed.Count + changes.Unchanged.Count > 0)
        {
            Log.ConfiguredSubscriptions(logger, Names(changes.Added), Names(changes.Updated), Names(changes.Removed), changes.Unchanged.Count);
        }

        static string Names(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);
    }

    /// <summary>With no subscriptions at all, the console gets everything verified, so a first run shows alerts.</summary>
    private async Task EnsureConsoleSubscriptionAsync(CancellationToken cancellationToken)
    {
        if (!console.Value.Enabled || (await subscriptions.ListAsync(cancellationToken)).Count > 0)
        {
            return;
        }

        var subscription = new Subscription(SubscriptionId.New(), DeliveryTarget.Console(), SubscriptionFilter.Everything, TimeSpan.Zero,
            UpdateMode.Edit, Mention: null, QuietHours: null, MutedUntil: null, Paused: null, timeProvider.GetUtcNow(), "default");
        await subscriptions.AddAsync(subscription, cancellationToken);
        Log.ConsoleSubscriptionAdded(logger, subscription.Id.Value);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Store ready with {EventCount} events")]
        public static partial void StoreReady(ILogger logger, long eventCount);

        [LoggerMessage(4, LogLevel.Information, "Configured subscriptions: added {Added}; updated {Updated}; removed {Removed}; {Unchanged} unchanged")]
        public static partial void ConfiguredSubscriptions(ILogger logger, string added, string updated, string removed, int unchanged);

        [LoggerMessage(3, LogLevel.Information, "No subscriptions yet: added {SubscriptionId}, the console to everything verified")]
        public static partial void ConsoleSubscriptionAdded(ILogger logger, string subscriptionId);
    }
}
