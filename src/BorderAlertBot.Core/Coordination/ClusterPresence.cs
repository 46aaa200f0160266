using BorderAlertBot.Abstractions;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Coordination;

/// <summary>
/// Keeps this instance on the store's list of live instances — a lease named <c>instance/…</c> that it renews — and
/// updates <see cref="ClusterShare"/> from that list, so shared platform budgets are split over the instances alive now.
/// An instance that dies drops off the list when its lease expires.
/// </summary>
public sealed class ClusterPresence(ILeaseStore leases, InstanceIdentity instance, ClusterShare share, IOptions<ClusterOptions> options, TimeProvider timeProvider)
{
    public const string Prefix = "instance/";

    private string LeaseName => Prefix + instance.Holder;

    /// <summary>Renews this instance's presence and reads who else is live; returns how many instances are live.</summary>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await leases.TryAcquireAsync(LeaseName, instance.Holder, now, now + options.Value.LeaseDuration, cancellationToken);
        var live = await leases.ListAsync(Prefix, now, cancellationToken);
        var holders = live.Select(lease => lease.Holder).Append(instance.Holder).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        share.Update(holders.Count, holders.IndexOf(instance.Holder));
        return holders.Count;
    }

    /// <summary>Leaves the list at once (a clean shutdown), so the others take up the whole budget without waiting.</summary>
    public Task LeaveAsync(CancellationToken cancellationToken) => leases.ReleaseAsync(LeaseName, instance.Holder, cancellationToken);
}
