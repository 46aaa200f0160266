using BorderAlertBot.Delivery;
using BorderAlertBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BorderAlertBot.Store.Postgres;

/// <summary>
/// One connection that LISTENs for the other instances' commits and fires the same in-process signals a write in this
/// process fires (<see cref="ChangeSignal"/> for the watcher, <see cref="OutboxSignal"/> for the dispatcher), so they wake
/// within milliseconds of a commit anywhere and the fallback poll only covers a lost connection. When the connection
/// breaks it reconnects, and wakes both once it listens again, for whatever was committed in between.
/// </summary>
public sealed partial class PostgresNotificationListener(
    PostgresDatabase database,
    ChangeSignal changes,
    OutboxSignal outbox,
    TimeProvider timeProvider,
    ILogger<PostgresNotificationListener> logger) : BackgroundService
{
    /// <summary>How long to wait before reconnecting after the connection failed.</summary>
    public static TimeSpan ReconnectDelay { get; } = TimeSpan.FromSeconds(1);

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place (for tests and start-up ordering).</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await ListenAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    Log.ConnectionLost(logger, exception, database.Describe);
                    await Task.Delay(ReconnectDelay, timeProvider, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = await database.OpenListenerAsync(stoppingToken);
        connection.Notification += OnNotification;
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgresNotifications.Changes}; LISTEN {PostgresNotifications.Outbox};", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        Log.Listening(logger, database.Describe);
        _listening.TrySetResult();

        // Whatever was committed while nobody listened.
        changes.Notify();
        outbox.Notify();
        while (true)
        {
            await connection.WaitAsync(stoppingToken);
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs notification)
    {
        if (notification.Payload == database.Origin)
        {
            return; // This process's own write: it woke its readers when it returned.
        }

        switch (notification.Channel)
        {
            case PostgresNotifications.Changes:
                changes.Notify();
                break;
            case PostgresNotifications.Outbox:
                outbox.Notify();
                break;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Listening for other instances' commits on {Database}")]
        public static partial void Listening(ILogger logger, string database);

        [LoggerMessage(2, LogLevel.Warning, "The notification connection to {Database} failed; reconnecting (readers poll meanwhile)")]
        public static partial void ConnectionLost(ILogger logger, Exception exception, string database);
    }
}
