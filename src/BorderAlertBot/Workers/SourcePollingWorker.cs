using BorderAlertBot.Coordination;
using BorderAlertBot.Sources;

namespace BorderAlertBot.Workers;

/// <summary>
/// Polls every configured source on its own schedule (<see cref="IEventSource.Interval"/>, or sooner when a source has
/// more pages; later after failures). Each source has its own loop, so a slow or failing feed never delays another. A
/// disabled source is looked at again every <see cref="RecheckInterval"/>, so <c>sources enable</c> from the CLI takes
/// effect without a restart. Each source is polled by one instance at a time, under its own lease
/// (<c>source:NAME</c>), so several instances never poll it twice and another takes over when that one dies.
/// </summary>
public sealed partial class SourcePollingWorker(
    IEnumerable<IEventSource> sources,
    SourceRunner runner,
    ClusterLease lease,
    TimeProvider timeProvider,
    ILogger<SourcePollingWorker> logger) : BackgroundService
{
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromMinutes(1);

    public static string LeaseName(IEventSource source) => "source:" + source.Name;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(sources.Select(source => PollAsync(source, stoppingToken)));

    private async Task PollAsync(IEventSource source, CancellationToken stoppingToken)
    {
        try
        {
            await lease.RunAsync(LeaseName(source), token => PollWhileHoldingAsync(source, token), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: a poll's cursor is stored only after its records are in, so an interrupted poll is repeated.
        }
    }

    private async Task PollWhileHoldingAsync(IEventSource source, CancellationToken stoppingToken)
    {
        while (true)
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
            else
            {
                stoppingToken.ThrowIfCancellationRequested();
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Polling source {Source} failed outside a poll (the store?); it will try again")]
        public static partial void LoopFailed(ILogger logger, string source, Exception exception);
    }
}
