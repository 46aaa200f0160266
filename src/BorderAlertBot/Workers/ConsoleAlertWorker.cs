using BorderAlertBot.Abstractions;
using BorderAlertBot.Alerting;
using BorderAlertBot.Hosting;
using BorderAlertBot.Storage;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Workers;

/// <summary>
/// The default console subscription: follows the change feed from a durable cursor and prints every verified event,
/// its updates and its retraction. Woken at once by commits in this process; polls slowly for other writers.
/// </summary>
public sealed partial class ConsoleAlertWorker(
    IChangeFeed feed,
    ICursorStore cursors,
    IEventStore store,
    ChangeSignal signal,
    ConsoleAlertSender sender,
    IOptions<ConsoleAlertsOptions> options,
    ILogger<ConsoleAlertWorker> logger) : BackgroundService
{
    public const string CursorName = "console-alerts";
    private const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        try
        {
            var position = await cursors.GetAsync(CursorName, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                var seen = signal.Version;
                var changes = await feed.ReadAsync(position, BatchSize, stoppingToken);
                foreach (var change in changes)
                {
                    await AlertAsync(change, stoppingToken);
                    position = change.Sequence;
                }

                if (changes.Count > 0)
                {
                    await cursors.SetAsync(CursorName, position, stoppingToken);
                }
                else
                {
                    await signal.WaitAsync(seen, options.Value.FallbackPollInterval, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; the cursor already holds every change that was printed.
        }
    }

    private async Task AlertAsync(ChangeRecord change, CancellationToken stoppingToken)
    {
        try
        {
            var current = await store.TryGetRevisionAsync(change.EventId, change.Revision, stoppingToken);
            if (current is null)
            {
                return;
            }

            var previous = change.Revision > 1 ? await store.TryGetRevisionAsync(change.EventId, change.Revision - 1, stoppingToken) : null;
            if (AlertDecision.For(current, previous) is { } kind)
            {
                await sender.SendAsync(AlertTextRenderer.Render(current, kind), stoppingToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.AlertFailed(logger, exception, change.EventId.Value, change.Revision);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Could not print the alert for {EventId} revision {Revision}")]
        public static partial void AlertFailed(ILogger logger, Exception exception, string eventId, int revision);
    }
}
