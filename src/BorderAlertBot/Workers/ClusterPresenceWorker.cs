using BorderAlertBot.Coordination;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Workers;

/// <summary>
/// Keeps this instance on the store's list of live instances, renewed every <see cref="ClusterOptions.RenewInterval"/>,
/// so shared platform budgets (<see cref="ClusterShare"/>) are split over the instances alive now; leaves it at shutdown.
/// </summary>
public sealed partial class ClusterPresenceWorker(
    ClusterPresence presence,
    IOptions<ClusterOptions> options,
    TimeProvider timeProvider,
    ILogger<ClusterPresenceWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var known = 0;
        try
        {
            while (true)
            {
                try
                {
                    var live = await presence.RefreshAsync(stoppingToken);
                    if (live != known)
                    {
                        Log.Instances(logger, live);
                        known = live;
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    Log.RefreshFailed(logger, exception);
                }

                await Task.Delay(options.Value.RenewInterval, timeProvider, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            try
            {
                await presence.LeaveAsync(CancellationToken.None);
            }
            catch (Exception exception)
            {
                Log.RefreshFailed(logger, exception); // It expires by itself.
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "{Instances} instance(s) share this store; platform budgets are split between them")]
        public static partial void Instances(ILogger logger, int instances);

        [LoggerMessage(2, LogLevel.Warning, "Renewing this instance's presence failed; it keeps its last share")]
        public static partial void RefreshFailed(ILogger logger, Exception exception);
    }
}
