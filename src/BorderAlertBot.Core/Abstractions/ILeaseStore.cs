using BorderAlertBot.Coordination;

namespace BorderAlertBot.Abstractions;

/// <summary>
/// Named leases shared by every instance on one store (ARCHITECTURE.md §10), so work that must run once cluster-wide —
/// the alert watcher, the digest scheduler, each source poller — runs on one instance at a time and moves on when that
/// instance dies. A lease is held by one holder until an instant; a holder that stops renewing loses it when it expires.
/// Most code should not call this directly but run its loop through <see cref="ClusterLease"/>, which renews and gives up.
/// </summary>
public interface ILeaseStore
{
    /// <summary>
    /// Takes the lease for <paramref name="holder"/> until <paramref name="until"/> when it is free, has expired by
    /// <paramref name="now"/>, or is already this holder's (a renewal); returns whether the holder has it now.
    /// </summary>
    Task<bool> TryAcquireAsync(string name, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Gives the lease up at once if <paramref name="holder"/> has it, so another instance can take it without waiting for it to expire.</summary>
    Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken);

    /// <summary>The leases whose names start with <paramref name="prefix"/> and that have not expired by <paramref name="now"/>, by name.</summary>
    Task<IReadOnlyList<LeaseInfo>> ListAsync(string prefix, DateTimeOffset now, CancellationToken cancellationToken);
}
