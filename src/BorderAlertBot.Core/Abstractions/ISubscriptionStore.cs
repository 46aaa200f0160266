using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Abstractions;

public interface ISubscriptionStore
{
    Task AddAsync(Subscription subscription, CancellationToken cancellationToken);

    /// <summary>Replaces a stored subscription (pause, resume, mute); false when there is none with that id.</summary>
    Task<bool> UpdateAsync(Subscription subscription, CancellationToken cancellationToken);

    Task<bool> RemoveAsync(SubscriptionId id, CancellationToken cancellationToken);

    Task<Subscription?> TryGetAsync(SubscriptionId id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The subscriptions that deliver to this target (a channel's own, for its commands), oldest first.</summary>
    Task<IReadOnlyList<Subscription>> ListForTargetAsync(DeliveryTarget target, CancellationToken cancellationToken);

    /// <summary>A number that changes whenever any subscription does, so a matcher knows when to rebuild its index.</summary>
    Task<long> GetVersionAsync(CancellationToken cancellationToken);
}
