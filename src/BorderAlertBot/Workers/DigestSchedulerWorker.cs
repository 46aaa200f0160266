using BorderAlertBot.Coordination;
using BorderAlertBot.Digests;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Workers;

/// <summary>
/// Puts due digests in the outbox: wakes at the next slot of any digest, and at least every
/// <see cref="DigestOptions.PollInterval"/> so a digest set or changed meanwhile is seen. It runs on one instance at a time,
/// under the <see cref="LeaseName"/> lease, so only one composes (a slot is recorded once anyway, by its unique key).
/// </summary>
public sealed partial class DigestSchedulerWorker(
    DigestScheduler scheduler,
    ClusterLease lease,
    IOptions<DigestOptions> options,
    TimeProvider timeProvider,
    ILogger<DigestSchedulerWorker> logger) : BackgroundService
{
    public const string LeaseName = "digest-scheduler";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await lease.RunAsync(LeaseName, ScheduleAsync, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: a slot is recorded with its outbox row in one transaction, so nothing is half done.
        }
    }

    private async Task ScheduleAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = options.Value.PollInterval;
            try
            {
                await scheduler.RunOnceAsync(cancellationToken);
                var now = timeProvider.GetUtcNow();
                if (await scheduler.NextSlotAfterAsync(now, cancellationToken) is { } next && next - now < wait)
                {
                    wait = next - now;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.SchedulerFailed(logger, exception);
            }

            await Task.Delay(wait, timeProvider, cancellationToken);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "The digest scheduler failed; it will try again")]
        public static partial void SchedulerFailed(ILogger logger, Exception exception);
    }
}
