using BorderAlertBot.Coordination;

namespace BorderAlertBot.Testing.Contracts;

/// <summary>What every lease store must do: one holder at a time until the lease expires or is released.</summary>
public abstract class LeaseStoreContract : StoreContract
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(15);

    [SkippableFact]
    public async Task A_free_lease_is_taken_and_another_holder_is_refused_until_it_expires()
    {
        var store = await CreateStoreAsync();

        var first = await store.Leases.TryAcquireAsync("alert-watcher", "a", Written, Written + Duration, CancellationToken.None);
        var other = await store.Leases.TryAcquireAsync("alert-watcher", "b", Written.AddSeconds(14), Written.AddSeconds(14) + Duration, CancellationToken.None);
        var afterExpiry = await store.Leases.TryAcquireAsync("alert-watcher", "b", Written + Duration, Written + Duration + Duration, CancellationToken.None);

        Assert.Equal((true, false, true), (first, other, afterExpiry));
        Assert.Equal("b", Assert.Single(await store.Leases.ListAsync("alert-watcher", Written + Duration, CancellationToken.None)).Holder);
    }

    [SkippableFact]
    public async Task The_holder_renews_its_lease_and_keeps_it_past_the_first_expiry()
    {
        var store = await CreateStoreAsync();
        await store.Leases.TryAcquireAsync("digests", "a", Written, Written + Duration, CancellationToken.None);

        var renewed = await store.Leases.TryAcquireAsync("digests", "a", Written.AddSeconds(5), Written.AddSeconds(5) + Duration, CancellationToken.None);
        var other = await store.Leases.TryAcquireAsync("digests", "b", Written + Duration, Written + Duration + Duration, CancellationToken.None);

        Assert.Equal((true, false), (renewed, other));
        Assert.Equal(new LeaseInfo("digests", "a", Written.AddSeconds(5) + Duration), Assert.Single(await store.Leases.ListAsync("digests", Written, CancellationToken.None)));
    }

    [SkippableFact]
    public async Task A_released_lease_is_free_at_once_but_only_its_holder_can_release_it()
    {
        var store = await CreateStoreAsync();
        await store.Leases.TryAcquireAsync("source:acled", "a", Written, Written + Duration, CancellationToken.None);

        await store.Leases.ReleaseAsync("source:acled", "b", CancellationToken.None);
        var whileHeld = await store.Leases.TryAcquireAsync("source:acled", "b", Written, Written + Duration, CancellationToken.None);
        await store.Leases.ReleaseAsync("source:acled", "a", CancellationToken.None);
        var afterRelease = await store.Leases.TryAcquireAsync("source:acled", "b", Written, Written + Duration, CancellationToken.None);

        Assert.Equal((false, true), (whileHeld, afterRelease));
    }

    [SkippableFact]
    public async Task Listing_by_prefix_shows_the_live_leases_only()
    {
        // Arrange
        var store = await CreateStoreAsync();
        await store.Leases.TryAcquireAsync("instance/a", "a", Written, Written + Duration, CancellationToken.None);
        await store.Leases.TryAcquireAsync("instance/b", "b", Written, Written.AddSeconds(5), CancellationToken.None);
        await store.Leases.TryAcquireAsync("instance/c", "c", Written, Written + Duration, CancellationToken.None);
        await store.Leases.TryAcquireAsync("alert-watcher", "a", Written, Written + Duration, CancellationToken.None);

        // Act
        var live = await store.Leases.ListAsync("instance/", Written.AddSeconds(10), CancellationToken.None);

        // Assert
        Assert.Equal(["a", "c"], live.Select(lease => lease.Holder));
    }

    [SkippableFact]
    public async Task Of_many_holders_asking_at_once_for_a_free_lease_exactly_one_gets_it()
    {
        var store = await CreateStoreAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => store.Leases.TryAcquireAsync("digests", $"holder-{i}", Written, Written + Duration, CancellationToken.None))));

        Assert.Single(results, taken => taken);
    }
}
