using BorderAlertBot.Storage;

namespace BorderAlertBot.Delivery;

/// <summary>Wakes the dispatcher the moment rows are enqueued in this process (the same mechanism as the change feed's).</summary>
public sealed class OutboxSignal(TimeProvider timeProvider)
{
    private readonly ChangeSignal _signal = new(timeProvider);

    public long Version => _signal.Version;

    public void Notify() => _signal.Notify();

    public Task WaitAsync(long seenVersion, TimeSpan fallback, CancellationToken cancellationToken) =>
        _signal.WaitAsync(seenVersion, fallback, cancellationToken);
}
