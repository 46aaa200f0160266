using BorderAlertBot.Answers;
using BorderAlertBot.Slack.Inbound;
using Microsoft.Extensions.Logging;

namespace BorderAlertBot.Slack.SocketMode;

/// <summary>
/// Keeps one Socket Mode connection live for as long as the bot runs (platforms/slack.md §6). Every (re)connect asks
/// <c>apps.connections.open</c> for a new URL. On <c>warning</c> or <c>refresh_requested</c> the replacement is opened at
/// once while the old socket keeps delivering until Slack closes it (envelopes are deduplicated across both); a closed or
/// failed socket is replaced after a back-off of 5 s per consecutive failure, up to a minute; <c>link_disabled</c> and a
/// refused app-level token stop Socket Mode with an error naming what to fix.
/// </summary>
public sealed partial class SlackSocketMode(
    SocketModeConnections connections,
    SlackInboundHandler handler,
    DeferredAnswers deferred,
    TimeProvider timeProvider,
    ILogger<SlackSocketMode> logger)
{
    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromMinutes(1);

    private readonly RecentEnvelopes _recent = new();

    /// <summary>Connections opened so far (a count for logs and tests).</summary>
    public int Opened { get; private set; }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var draining = new List<SocketModeConnection>();
        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = TimeSpan.Zero;
                switch (await connections.OpenAsync(stoppingToken))
                {
                    case SocketModeOpen.Fatal fatal:
                        Log.Stopped(logger, fatal.Reason);
                        return;
                    case SocketModeOpen.RetryAfter retry:
                        failures++;
                        Log.OpenFailed(logger, retry.Reason, failures);
                        wait = Max(retry.Delay, BackOff(failures));
                        break;
                    case SocketModeOpen.Url url:
                        var connection = new SocketModeConnection(handler, _recent, deferred, logger);
                        var end = await RunConnectionAsync(connection, url.Address, stoppingToken);
                        switch (end)
                        {
                            case SocketModeEnd.Stop:
                                await connection.DisposeAsync();
                                Log.Stopped(logger, "Slack disabled Socket Mode for the app (link_disabled); turn it on in the app's settings or remove Slack:AppToken, then restart");
                                return;
                            case SocketModeEnd.Replace:
                                failures = 0;
                                draining.Add(connection);
                                break;
                            default:
                                failures = connection.Hello.IsCompletedSuccessfully ? 0 : failures + 1;
                                await connection.DisposeAsync();
                                wait = BackOff(failures);
                                break;
                        }

                        break;
                }

                await ForgetClosedAsync(draining);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, timeProvider, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            foreach (var connection in draining)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private async Task<SocketModeEnd> RunConnectionAsync(SocketModeConnection connection, Uri url, CancellationToken stoppingToken)
    {
        try
        {
            await connection.ConnectAsync(url, stoppingToken);
        }
        catch (Exception exception) when (exception is System.Net.WebSockets.WebSocketException or HttpRequestException)
        {
            Log.ConnectFailed(logger, exception.Message);
            return SocketModeEnd.Reconnect;
        }

        Opened++;
        using var helloTimeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var hello = await Task.WhenAny(connection.Hello, connection.Ended, Task.Delay(HelloTimeout, timeProvider, helloTimeout.Token));
        await helloTimeout.CancelAsync();
        if (hello != connection.Hello)
        {
            return connection.Ended.IsCompleted ? await connection.Ended : SocketModeEnd.Reconnect;
        }

        Log.Live(logger);
        return await connection.Ended.WaitAsync(stoppingToken);
    }

    private static async Task ForgetClosedAsync(List<SocketModeConnection> draining)
    {
        foreach (var closed in draining.Where(connection => connection.Closed.IsCompleted).ToList())
        {
            draining.Remove(closed);
            await closed.DisposeAsync();
        }
    }

    private static TimeSpan BackOff(int failures) => failures <= 0 ? TimeSpan.Zero : Max(TimeSpan.Zero, Min(TimeSpan.FromSeconds(5 * failures), MaxBackOff));

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Slack Socket Mode is live")]
        public static partial void Live(ILogger logger);

        [LoggerMessage(2, LogLevel.Warning, "Could not open a Slack Socket Mode connection ({Reason}); attempt {Failures}")]
        public static partial void OpenFailed(ILogger logger, string reason, int failures);

        [LoggerMessage(3, LogLevel.Warning, "Could not connect to Slack's Socket Mode URL: {Reason}")]
        public static partial void ConnectFailed(ILogger logger, string reason);

        [LoggerMessage(4, LogLevel.Critical, "Slack Socket Mode stopped: {Reason}")]
        public static partial void Stopped(ILogger logger, string reason);
    }
}
