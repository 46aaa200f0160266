using BorderAlertBot.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Coordination;

/// <summary>
/// Runs work that must run on one instance at a time across every instance on the store (ARCHITECTURE.md §10): the work
/// starts only once this instance holds the named lease, the lease is renewed every <see cref="ClusterOptions.RenewInterval"/>
/// while it runs, and the work is cancelled as soon as a renewal fails, so it never goes on after another instance took
/// over. A dead instance stops renewing and its lease expires after <see cref="ClusterOptions.LeaseDuration"/>; then the
/// next instance that asks gets it. Use it for every cluster-wide loop:
/// <code>await clusterLease.RunAsync("source:acled", token => poller.RunAsync(token), stoppingToken);</code>
/// </summary>
public sealed partial class ClusterLease(
    ILeaseStore leases,
    InstanceIdentity instance,
    IOptions<ClusterOptions> options,
    TimeProvider timeProvider,
    ILogger<ClusterLease> logger)
{
    /// <summary>
    /// Waits until this instance holds <paramref name="name"/>, then runs <paramref name="work"/> while holding it. If the
    /// lease is lost, the work is cancelled (its token fires), and it runs again from the start once the lease is held
    /// again. Returns when the work returns while the lease is held, releasing the lease; throws what the work throws,
    /// releasing it too; ends with <see cref="OperationCanceledException"/> when <paramref name="stoppingToken"/> fires.
    /// </summary>
    public async Task RunAsync(string name, Func<CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var waiting = false;
        while (true)
        {
            stoppingToken.ThrowIfCancellationRequested();
            var expiresAt = await TryTakeAsync(name, stoppingToken);
            if (expiresAt is null)
            {
                if (!waiting)
                {
                    Log.Waiting(logger, name, instance.Holder);
                    waiting = true;
                }

                await Task.Delay(options.Value.RetryInterval, timeProvider, stoppingToken);
                continue;
            }

            waiting = false;
            Log.Acquired(logger, name, instance.Holder);
            if (await RunHoldingAsync(name, expiresAt.Value, work, stoppingToken))
            {
                return;
            }

            Log.Lost(logger, name, instance.Holder);
        }
    }

    /// <summary>Runs the work while renewing; true when it returned (lease released), false when the lease was lost.</summary>
    private async Task<bool> RunHoldingAsync(string name, DateTimeOffset expiresAt, Func<CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        using var held = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var renewals = new CancellationTokenSource();
        var renewing = RenewAsync(name, expiresAt, held, renewals.Token);
        try
        {
            await work(held.Token);
            return true;
        }
        catch (OperationCanceledException) when (held.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            return false; // The lease was lost: another instance may have it now.
        }
        finally
        {
            await renewals.CancelAsync();
            var kept = await renewing;
            if (kept)
            {
                await ReleaseAsync(name);
            }
        }
    }

    /// <summary>Renews until told to stop; cancels <paramref name="held"/> and returns false once the lease is lost.</summary>
    private async Task<bool> RenewAsync(string name, DateTimeOffset expiresAt, CancellationTokenSource held, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.Value.RenewInterval, timeProvider, stop);
                DateTimeOffset? renewed;
                try
                {
                    renewed = await TryTakeAsync(name, stop);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The store is out of reach: keep working while the lease lasts, since nobody else can have it before.
                    Log.RenewFailed(logger, exception, name);
                    renewed = timeProvider.GetUtcNow() < expiresAt - options.Value.RenewInterval ? expiresAt : null;
                }

                if (renewed is null)
                {
                    await held.CancelAsync();
                    return false;
                }

                expiresAt = renewed.Value;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return true;
        }
    }

    private async Task<DateTimeOffset?> TryTakeAsync(string name, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var until = now + options.Value.LeaseDuration;
        return await leases.TryAcquireAsync(name, instance.Holder, now, until, cancellationToken) ? until : null;
    }

    private async Task ReleaseAsync(string name)
    {
        try
        {
            await leases.ReleaseAsync(name, instance.Holder, CancellationToken.None);
            Log.Released(logger, name, instance.Holder);
        }
        catch (Exception exception)
        {
            // It expires by itself; the next holder only waits longer.
            Log.ReleaseFailed(logger, exception, name);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Lease {Lease} taken by {Holder}: this instance runs it now")]
        public static partial void Acquired(ILogger logger, string lease, string holder);

        [LoggerMessage(2, LogLevel.Information, "Lease {Lease} is held by another instance; {Holder} waits to take it over")]
        public static partial void Waiting(ILogger logger, string lease, string holder);

        [LoggerMessage(3, LogLevel.Warning, "Lease {Lease} lost by {Holder}: its work stopped and waits to take it again")]
        public static partial void Lost(ILogger logger, string lease, string holder);

        [LoggerMessage(4, LogLevel.Information, "Lease {Lease} released by {Holder}")]
        public static partial void Released(ILogger logger, string lease, string holder);

        [LoggerMessage(5, LogLevel.Warning, "Renewing lease {Lease} failed; the work goes on while the lease lasts")]
        public static partial void RenewFailed(ILogger logger, Exception exception, string lease);

        [LoggerMessage(6, LogLevel.Warning, "Releasing lease {Lease} failed; it expires by itself")]
        public static partial void ReleaseFailed(ILogger logger, Exception exception, string lease);
    }
}
