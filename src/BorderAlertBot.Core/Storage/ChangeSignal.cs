namespace BorderAlertBot.Storage;

/// <summary>
/// Wakes change-feed readers in this process the moment a write commits, so they need no fixed polling delay.
/// A reader takes <see cref="Version"/> before it reads the feed and passes it to <see cref="WaitAsync"/>, so a commit
/// between its read and its wait is never missed. The fallback interval covers writes from other processes.
/// </summary>
public sealed class ChangeSignal(TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _version;

    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    public void Notify()
    {
        TaskCompletionSource fired;
        lock (_gate)
        {
            _version++;
            fired = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        fired.TrySetResult();
    }

    /// <summary>Completes as soon as the version has moved past <paramref name="seenVersion"/>, or after <paramref name="fallback"/>.</summary>
    public async Task WaitAsync(long seenVersion, TimeSpan fallback, CancellationToken cancellationToken)
    {
        Task next;
        lock (_gate)
        {
            if (_version != seenVersion)
            {
                return;
            }

            next = _next.Task;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(fallback, timeProvider, timeout.Token);
        await Task.WhenAny(next, delay);
        await timeout.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }
}
