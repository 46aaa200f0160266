using BorderAlertBot.Answers;

namespace BorderAlertBot.Workers;

/// <summary>
/// Completes deferred interaction answers after their HTTP response has gone (a chart, a slow query). Each runs on its
/// own, so one slow answer never holds up the next; at shutdown the ones started are given a few seconds to finish.
/// </summary>
public sealed partial class DeferredAnswersWorker(DeferredAnswers deferred, TimeProvider timeProvider, ILogger<DeferredAnswersWorker> logger) : BackgroundService
{
    private readonly List<Task> _running = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var complete in deferred.ReadAllAsync(stoppingToken))
            {
                _running.RemoveAll(task => task.IsCompleted);
                _running.Add(RunAsync(complete, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await Task.WhenAll(_running).WaitAsync(TimeSpan.FromSeconds(5), timeProvider, CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task RunAsync(Func<CancellationToken, Task> complete, CancellationToken stoppingToken)
    {
        try
        {
            await complete(stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.Failed(logger, exception);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Completing a deferred interaction answer failed")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
