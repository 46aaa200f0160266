using BorderAlertBot.Ingestion.DropFolder;

namespace BorderAlertBot.Workers;

/// <summary>Looks at the drop folder every <see cref="DropFolderOptions.PollInterval"/> when one is configured.</summary>
public sealed partial class DropFolderWorker(DropFolderWatcher watcher, TimeProvider timeProvider, ILogger<DropFolderWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!watcher.IsEnabled)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await watcher.ScanAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The store, most likely: files stay where they are and are taken at the next look.
                    Log.ScanFailed(logger, exception);
                }

                await Task.Delay(watcher.PollInterval, timeProvider, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: a file is moved only after its import, so one cut short is imported again (unchanged records stay).
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Looking at the drop folder failed; it will look again")]
        public static partial void ScanFailed(ILogger logger, Exception exception);
    }
}
