using BorderAlertBot.Abstractions;
using BorderAlertBot.Commands;

namespace BorderAlertBot.Subscriptions;

/// <summary>
/// Makes the store hold exactly the configured subscriptions: a new name is added, a changed target or filter updates the
/// subscription in place (its id, mute and digest stay; a pause is lifted when the target changed, since the reason was
/// the old target's), and a name no longer configured is removed. Subscriptions people made are never touched.
/// </summary>
public sealed class ConfiguredSubscriptionSync(ISubscriptionStore subscriptions, TimeProvider timeProvider)
{
    public async Task<ConfiguredSubscriptionChanges> SyncAsync(IReadOnlyList<ConfiguredSubscription> configured, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var stored = (await subscriptions.ListAsync(cancellationToken))
            .Where(subscription => ConfiguredSubscription.NameOf(subscription) is not null)
            .ToLookup(subscription => ConfiguredSubscription.NameOf(subscription)!, StringComparer.Ordinal);
        var (added, updated, removed, unchanged) = (new List<string>(), new List<string>(), new List<string>(), new List<string>());
        foreach (var wanted in configured)
        {
            var existing = stored[wanted.Name].FirstOrDefault();
            if (existing is null)
            {
                await subscriptions.AddAsync(New(wanted), cancellationToken);
                added.Add(wanted.Name);
            }
            else if (Describes(existing, wanted))
            {
                unchanged.Add(wanted.Name);
            }
            else
            {
                await subscriptions.UpdateAsync(Changed(existing, wanted), cancellationToken);
                updated.Add(wanted.Name);
            }

            // A name stored twice (two instances starting at once) keeps one.
            foreach (var duplicate in stored[wanted.Name].Skip(1))
            {
                await subscriptions.RemoveAsync(duplicate.Id, cancellationToken);
            }
        }

        var names = configured.Select(wanted => wanted.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in stored.Where(group => !names.Contains(group.Key)))
        {
            foreach (var subscription in gone)
            {
                await subscriptions.RemoveAsync(subscription.Id, cancellationToken);
            }

            removed.Add(gone.Key);
        }

        return new ConfiguredSubscriptionChanges(added, updated, removed, unchanged);
    }

    private static bool Describes(Subscription subscription, ConfiguredSubscription wanted) =>
        subscription.Target == wanted.Target
        && subscription.IsCurationQueue == wanted.IsCurationQueue
        && new SubscribeCommand(subscription.Filter, subscription.GroupWindow, subscription.Updates) == wanted.Subscribe;

    private static Subscription Changed(Subscription existing, ConfiguredSubscription wanted) => existing with
    {
        Target = wanted.Target,
        Filter = wanted.Subscribe.Filter,
        GroupWindow = wanted.Subscribe.GroupWindow,
        Updates = wanted.Subscribe.Updates,
        IsCurationQueue = wanted.IsCurationQueue,
        Paused = existing.Target == wanted.Target ? existing.Paused : null,
    };

    private Subscription New(ConfiguredSubscription wanted) => new(
        SubscriptionId.New(), wanted.Target, wanted.Subscribe.Filter, wanted.Subscribe.GroupWindow, wanted.Subscribe.Updates,
        Mention: null, QuietHours: null, MutedUntil: null, Paused: null, timeProvider.GetUtcNow(), wanted.CreatedBy)
    {
        IsCurationQueue = wanted.IsCurationQueue,
    };
}
