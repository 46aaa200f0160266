using BorderAlertBot.Abstractions;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Matching;

/// <summary>The current subscriptions and their index, rebuilt only when the store's subscription version moves.</summary>
public sealed class SubscriptionCatalog(ISubscriptionStore store) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot? _snapshot;

    public async Task<Snapshot> GetAsync(CancellationToken cancellationToken)
    {
        var version = await store.GetVersionAsync(cancellationToken);
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is not null && snapshot.Version == version)
        {
            return snapshot;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is not null && _snapshot.Version == version)
            {
                return _snapshot;
            }

            var subscriptions = await store.ListAsync(cancellationToken);
            _snapshot = new Snapshot(version, SubscriptionIndex.Build(subscriptions), subscriptions.ToDictionary(subscription => subscription.Id));
            return _snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    public sealed record Snapshot(long Version, SubscriptionIndex Index, IReadOnlyDictionary<SubscriptionId, Subscription> ById);
}
