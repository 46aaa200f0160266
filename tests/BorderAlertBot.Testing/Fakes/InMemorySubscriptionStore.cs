using BorderAlertBot.Abstractions;
using BorderAlertBot.Storage;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Testing.Fakes;

/// <summary>
/// A subscription store in memory with the SQLite store's rules: ids are unique and every write (even one that finds
/// nothing to change) moves the version on. Lists in the order added, and counts <see cref="ListAsync"/> calls so a test
/// can see when a catalog rebuilt its index. Thread-safe.
/// </summary>
public sealed class InMemorySubscriptionStore : ISubscriptionStore
{
    private readonly Lock _gate = new();
    private readonly List<Subscription> _subscriptions = [];
    private long _version;
    private int _listCalls;

    public InMemorySubscriptionStore(params Subscription[] subscriptions)
    {
        _subscriptions.AddRange(subscriptions);
        _version = subscriptions.Length;
    }

    /// <summary>How many times <see cref="ListAsync"/> was called.</summary>
    public int ListCalls
    {
        get
        {
            lock (_gate)
            {
                return _listCalls;
            }
        }
    }

    public Task AddAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_subscriptions.Exists(stored => stored.Id == subscription.Id))
            {
                throw new ConcurrencyException($"{subscription.Id} already exists.");
            }

            _subscriptions.Add(subscription);
            _version++;
            return Task.CompletedTask;
        }
    }

    public Task<bool> UpdateAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var index = _subscriptions.FindIndex(stored => stored.Id == subscription.Id);
            if (index >= 0)
            {
                _subscriptions[index] = subscription;
            }

            _version++;
            return Task.FromResult(index >= 0);
        }
    }

    public Task<bool> RemoveAsync(SubscriptionId id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var removed = _subscriptions.RemoveAll(stored => stored.Id == id) > 0;
            _version++;
            return Task.FromResult(removed);
        }
    }

    public Task<Subscription?> TryGetAsync(SubscriptionId id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_subscriptions.Find(stored => stored.Id == id));
        }
    }

    public Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _listCalls++;
            return Task.FromResult<IReadOnlyList<Subscription>>([.. _subscriptions]);
        }
    }

    public Task<IReadOnlyList<Subscription>> ListForTargetAsync(DeliveryTarget target, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<Subscription>>([.. _subscriptions.Where(subscription => subscription.Target.Key == target.Key)]);
        }
    }

    public Task<long> GetVersionAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_version);
        }
    }
}
