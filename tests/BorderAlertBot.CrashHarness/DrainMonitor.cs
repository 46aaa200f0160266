using BorderAlertBot.Abstractions;
using BorderAlertBot.Delivery;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.CrashHarness;

/// <summary>Prints "done" and stops the process once the watcher has read the whole feed and no outbox row is left unsent.</summary>
public sealed class DrainMonitor(
    IChangeFeed feed,
    ICursorStore cursors,
    IOutboxStore outbox,
    OutboxSignal signal,
    IOptions<DeliveryOptions> options,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                var seen = signal.Version;
                if (await cursors.GetAsync(AlertWatcher.CursorName, stoppingToken) >= await feed.GetHeadAsync(stoppingToken)
                    && await outbox.CountAsync(stoppingToken) is { Pending: 0 } counts)
                {
                    await Console.Out.WriteLineAsync($"outbox: {counts.Sent} sent, {counts.DeadLettered} dead-lettered");
                    await Console.Out.WriteLineAsync("done");
                    lifetime.StopApplication();
                    return;
                }

                await signal.WaitAsync(seen, options.Value.FallbackPollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before the outbox drained (Ctrl+C): no "done".
        }
    }
}
