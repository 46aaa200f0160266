using BorderAlertBot.Abstractions;
using BorderAlertBot.Delivery;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Workers;

/// <summary>
/// Starts sends whenever rows are enqueued or a send finishes, and again when the earliest waiting row falls due. Sends run
/// in the background, so one slow target never holds up the loop.
/// </summary>
public sealed partial class DispatcherWorker(
    AlertDispatcher dispatcher,
    IOutboxStore outbox,
    OutboxSignal signal,
    IOptions<DeliveryOptions> options,
    TimeProvider timeProvider,
    ILogger<DispatcherWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var seen = signal.Version;
                var handled = 0;
                try
                {
                    handled = await dispatcher.StartDueAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    Log.DispatcherFailed(logger, exception);
                }

                if (handled > 0)
                {
                    continue;
                }

                // Every slot busy: a finishing send signals, so wait for that instead of asking the outbox again and again.
                // A stopped dispatcher claims nothing, however due the rows are: wait too rather than spin.
                if (dispatcher.IsFull || dispatcher.IsStopping)
                {
                    await signal.WaitAsync(seen, options.Value.FallbackPollInterval, stoppingToken);
                    continue;
                }

                var wait = options.Value.FallbackPollInterval;
                if (await outbox.NextDueAtAsync(stoppingToken) is { } due)
                {
                    var untilDue = due - timeProvider.GetUtcNow();
                    wait = untilDue < TimeSpan.Zero ? TimeSpan.Zero : untilDue < wait ? untilDue : wait;
                }

                if (wait > TimeSpan.Zero)
                {
                    await signal.WaitAsync(seen, wait, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: sends in flight finish their current message and hand the rest back (same keys, no lease to wait out).
            Log.Stopping(logger, options.Value.ShutdownGrace.TotalSeconds);
            await dispatcher.StopAsync(options.Value.ShutdownGrace);
            Log.Stopped(logger);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "The dispatcher failed; it will try again")]
        public static partial void DispatcherFailed(ILogger logger, Exception exception);

        [LoggerMessage(2, LogLevel.Information, "Shutting down: no new sends; sends in flight have {Seconds} s to finish their current message")]
        public static partial void Stopping(ILogger logger, double seconds);

        [LoggerMessage(3, LogLevel.Information, "Delivery stopped; what was not sent is handed back for the next start")]
        public static partial void Stopped(ILogger logger);
    }
}
