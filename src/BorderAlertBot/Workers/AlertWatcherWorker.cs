using BorderAlertBot.Delivery;
using BorderAlertBot.Storage;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Workers;

/// <summary>Runs the alert watcher whenever the change feed moves: at once for commits in this process, by polling otherwise.</summary>
public sealed partial class AlertWatcherWorker(AlertWatcher watcher, ChangeSignal signal, IOptions<DeliveryOptions> options, ILogger<AlertWatcherWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var seen = signal.Version;
                int handled;
                try
                {
                    handled = await watcher.RunOnceAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    Log.WatcherFailed(logger, exception);
                    handled = 0;
                }

                if (handled == 0)
                {
                    await signal.WaitAsync(seen, options.Value.FallbackPollInterval, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the cursor moved with every batch of outbox rows, so nothing is lost or repeated.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "The alert watcher failed; it will try again")]
        public static partial void WatcherFailed(ILogger logger, Exception exception);
    }
}
