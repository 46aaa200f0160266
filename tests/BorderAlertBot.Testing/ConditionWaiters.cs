namespace BorderAlertBot.Testing;

/// <summary>
/// Tests waiting for a fake server to reach a state: a condition on the server, checked when asked and again whenever the
/// server calls <see cref="Check"/> (after every request, connection, ack…). A condition that throws fails the test that
/// waits on it, not the request that happened to check it. Thread-safe.
/// </summary>
public sealed class ConditionWaiters<TServer>(TServer server)
{
    private readonly Lock _gate = new();
    private readonly List<(Func<TServer, bool> Condition, TaskCompletionSource Done)> _waiters = [];

    public Task WhenAsync(Func<TServer, bool> condition, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((condition, done));
        }

        Check();
        return done.Task.WaitAsync(cancellationToken);
    }

    public void Check()
    {
        (Func<TServer, bool> Condition, TaskCompletionSource Done)[] waiters;
        lock (_gate)
        {
            waiters = [.. _waiters];
        }

        foreach (var waiter in waiters)
        {
            bool holds;
            try
            {
                holds = waiter.Done.Task.IsCompleted || waiter.Condition(server);
            }
            catch (Exception exception)
            {
                waiter.Done.TrySetException(exception);
                holds = true;
            }

            if (holds)
            {
                lock (_gate)
                {
                    _waiters.Remove(waiter);
                }

                waiter.Done.TrySetResult();
            }
        }
    }
}
