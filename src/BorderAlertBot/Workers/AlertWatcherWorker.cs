using BorderAlertBot.Coordination;
using BorderAlertBot.Delivery;
using BorderAlertBot.Storage;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Workers;

/// <summary>
/// Runs the alert watcher whenever the change feed moves: at once for commits in this process (or, on PostgreSQL, in any
/// instance), by polling otherwise. One watcher runs cluster-wide, under the <see cref="LeaseName"/> lease: the other
/// instances wait and take over within <see cref="ClusterOptions.LeaseDuration"/> when its instance dies.
/// </summary>
public sealed partial class AlertWatcherWorker(
    AlertWatcher watcher,
    ChangeSignal signal,
    ClusterLease lease,
    IOptions<DeliveryOptions> options,
    ILogger<AlertWatcherWorker> logger) : BackgroundService
{
    public const string LeaseName = "alert-watcher";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await lease.RunAsync(LeaseName, WatchAsync, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the cursor moved with every batch of outbox rows, so nothing is lost or repeated.
        }
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var seen = signal.Version;
            int handled;
            try
            {
                handled = await watcher.RunOnceAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.WatcherFailed(logger, exception);
                handled = 0;
            }

            if (handled == 0)
            {
                await signal.WaitAsync(seen, options.Value.FallbackPollInterval, cancellationToken);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "The alert watcher failed; it will try again")]
        public static partial void WatcherFailed(ILogger logger, Exception exception);
    }
}
