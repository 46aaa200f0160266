using BorderAlertBot.Abstractions;
using BorderAlertBot.Coordination;
using BorderAlertBot.Curation;
using BorderAlertBot.Delivery;
using BorderAlertBot.Hosting;
using BorderAlertBot.Ingestion;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Workers;

/// <summary>
/// Plays the later steps of the sample scenario (its revisions and retraction) a little after the first, so the console
/// shows alerts and then their edits. A cursor counts the steps applied, so a restart neither repeats nor skips one.
/// </summary>
public sealed partial class SampleReplayWorker(
    EventImporter importer,
    ICursorStore cursors,
    IChangeFeed feed,
    IOutboxStore outbox,
    OutboxSignal outboxSignal,
    ClusterLease lease,
    IOptions<SampleOptions> options,
    TimeProvider timeProvider,
    ILogger<SampleReplayWorker> logger) : BackgroundService
{
    public const string CursorName = "sample-scenario";
    public const string LeaseName = "sample-replay";

    public static async Task ImportStepAsync(EventImporter importer, ICursorStore cursors, int step, ILogger logger, CancellationToken cancellationToken)
    {
        var name = SampleScenario.Steps[step];
        var summary = await importer.ImportAsync(SampleScenario.Read(name).ToAsyncEnumerable(), new ImportOptions(DryRun: false, StoreStartup.SampleCurator), cancellationToken);
        await cursors.SetAsync(CursorName, step + 1, cancellationToken);
        Log.StepLoaded(logger, name, summary.ToString());
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var applied = await cursors.GetAsync(CursorName, stoppingToken);
            if (applied == 0 || applied >= SampleScenario.Steps.Count)
            {
                return; // The sample was never loaded into this store, or every step is in.
            }

            // One instance plays the steps; another takes over (from the cursor) if it dies.
            await lease.RunAsync(LeaseName, ReplayAsync, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; the cursor says which steps remain.
        }
    }

    private async Task ReplayAsync(CancellationToken cancellationToken)
    {
        var applied = (int)await cursors.GetAsync(CursorName, cancellationToken);
        for (var step = applied; applied > 0 && step < SampleScenario.Steps.Count; step++)
        {
            await WaitUntilAlertsAreOutAsync(cancellationToken);
            await Task.Delay(options.Value.UpdatesAfter, timeProvider, cancellationToken);
            await ImportStepAsync(importer, cursors, step, logger, cancellationToken);
        }
    }

    /// <summary>
    /// Waits until the watcher has read the whole change feed and the outbox holds nothing unsent, or about half a minute
    /// when rows stay held (a muted subscription).
    /// </summary>
    private async Task WaitUntilAlertsAreOutAsync(CancellationToken stoppingToken)
    {
        for (var tries = 0; tries < 30; tries++)
        {
            var seen = outboxSignal.Version;
            var caughtUp = await cursors.GetAsync(AlertWatcher.CursorName, stoppingToken) >= await feed.GetHeadAsync(stoppingToken);
            if (caughtUp && (await outbox.CountAsync(stoppingToken)).Pending == 0)
            {
                return;
            }

            await outboxSignal.WaitAsync(seen, TimeSpan.FromSeconds(1), stoppingToken);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Sample scenario {Step} loaded: {Summary}")]
        public static partial void StepLoaded(ILogger logger, string step, string summary);
    }
}
