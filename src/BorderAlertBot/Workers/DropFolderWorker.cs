using BorderAlertBot.Coordination;
using BorderAlertBot.Ingestion.DropFolder;

namespace BorderAlertBot.Workers;

/// <summary>
/// Looks at the drop folder every <see cref="DropFolderOptions.PollInterval"/> when one is configured. With several
/// instances sharing the folder, one at a time does (the <c>source:folder</c> lease), so no file is taken twice.
/// </summary>
public sealed partial class DropFolderWorker(DropFolderWatcher watcher, ClusterLease lease, TimeProvider timeProvider, ILogger<DropFolderWorker> logger) : BackgroundService
{
    public const string LeaseName = "source:" + DropFolderWatcher.SourceName;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!watcher.IsEnabled)
        {
            return;
        }

        try
        {
            await lease.RunAsync(LeaseName, WatchAsync, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: a file is moved only after its import, so one cut short is imported again (unchanged records stay).
        }
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await watcher.ScanAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The store, most likely: files stay where they are and are taken at the next look.
                Log.ScanFailed(logger, exception);
            }

            await Task.Delay(watcher.PollInterval, timeProvider, cancellationToken);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Looking at the drop folder failed; it will look again")]
        public static partial void ScanFailed(ILogger logger, Exception exception);
    }
}
