using BorderAlertBot.Sources;

namespace BorderAlertBot.Workers;

/// <summary>
/// Polls every configured source on its own schedule (<see cref="IEventSource.Interval"/>, or sooner when a source has
/// more pages; later after failures). Each source has its own loop, so a slow or failing feed never delays another. A
/// disabled source is looked at again every <see cref="RecheckInterval"/>, so <c>sources enable</c> from the CLI takes
/// effect without a restart.
/// </summary>
public sealed partial class SourcePollingWorker(
    IEnumerable<IEventSource> sources,
    SourceRunner runner,
    TimeProvider timeProvider,
    ILogger<SourcePollingWorker> logger) : BackgroundService
{
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromMinutes(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(sources.Select(source => PollAsync(source, stoppingToken)));

    private async Task PollAsync(IEventSource source, CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = RecheckInterval;
                try
                {
                    var state = await runner.GetStateAsync(source, stoppingToken);
                    var now = timeProvider.GetUtcNow();
                    if (!state.IsDisabled && (state.NextPollAt ?? now) <= now)
                    {
                        state = await runner.RunAsync(source, stoppingToken);
                        now = timeProvider.GetUtcNow();
                    }

                    if (!state.IsDisabled && state.NextPollAt is { } due)
                    {
                        wait = due <= now ? TimeSpan.Zero : due - now < RecheckInterval ? due - now : RecheckInterval;
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    Log.LoopFailed(logger, source.Name, exception);
                }

                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, timeProvider, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: a poll's cursor is stored only after its records are in, so an interrupted poll is repeated.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Polling source {Source} failed outside a poll (the store?); it will try again")]
        public static partial void LoopFailed(ILogger logger, string source, Exception exception);
    }
}
