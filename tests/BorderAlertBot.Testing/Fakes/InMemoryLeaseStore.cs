using BorderAlertBot.Abstractions;
using BorderAlertBot.Coordination;

namespace BorderAlertBot.Testing.Fakes;

/// <summary>
/// Leases in memory, with the contract's rules (one holder until expiry or release). <see cref="Unreachable"/> makes every
/// call from one holder fail, as when its instance loses the store (or is frozen): it cannot renew, and its lease runs out.
/// </summary>
public sealed class InMemoryLeaseStore : ILeaseStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LeaseInfo> _leases = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unreachable = new(StringComparer.Ordinal);

    /// <summary>From now on every call by <paramref name="holder"/> throws.</summary>
    public void Unreachable(string holder)
    {
        lock (_gate)
        {
            _unreachable.Add(holder);
        }
    }

    /// <summary>Gives the lease to <paramref name="holder"/> whoever has it, as when the holder was paused past its expiry and another took it.</summary>
    public void HandTo(string name, string holder, DateTimeOffset until)
    {
        lock (_gate)
        {
            _leases[name] = new LeaseInfo(name, holder, until);
        }
    }

    public LeaseInfo? Get(string name)
    {
        lock (_gate)
        {
            return _leases.GetValueOrDefault(name);
        }
    }

    public Task<bool> TryAcquireAsync(string name, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Check(holder);
            if (_leases.TryGetValue(name, out var lease) && lease.Holder != holder && lease.ExpiresAt > now)
            {
                return Task.FromResult(false);
            }

            _leases[name] = new LeaseInfo(name, holder, until);
            return Task.FromResult(true);
        }
    }

    public Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Check(holder);
            if (_leases.TryGetValue(name, out var lease) && lease.Holder == holder)
            {
                _leases.Remove(name);
            }

            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<LeaseInfo>> ListAsync(string prefix, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<LeaseInfo>>(
                [.. _leases.Values.Where(lease => lease.Name.StartsWith(prefix, StringComparison.Ordinal) && lease.ExpiresAt > now).OrderBy(lease => lease.Name, StringComparer.Ordinal)]);
        }
    }

    private void Check(string holder)
    {
        if (_unreachable.Contains(holder))
        {
            throw new IOException($"{holder} cannot reach the store");
        }
    }
}
