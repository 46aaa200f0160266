using BorderAlertBot.Digests;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Workers;

/// <summary>
/// Puts due digests in the outbox: wakes at the next slot of any digest, and at least every
/// <see cref="DigestOptions.PollInterval"/> so a digest set or changed meanwhile is seen.
/// </summary>
public sealed partial class DigestSchedulerWorker(
    DigestScheduler scheduler,
    IOptions<DigestOptions> options,
    TimeProvider timeProvider,
    ILogger<DigestSchedulerWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = options.Value.PollInterval;
                try
                {
                    await scheduler.RunOnceAsync(stoppingToken);
                    var now = timeProvider.GetUtcNow();
                    if (await scheduler.NextSlotAfterAsync(now, stoppingToken) is { } next && next - now < wait)
                    {
                        wait = next - now;
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    Log.SchedulerFailed(logger, exception);
                }

                await Task.Delay(wait, timeProvider, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: a slot is recorded with its outbox row in one transaction, so nothing is half done.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "The digest scheduler failed; it will try again")]
        public static partial void SchedulerFailed(ILogger logger, Exception exception);
    }
}
