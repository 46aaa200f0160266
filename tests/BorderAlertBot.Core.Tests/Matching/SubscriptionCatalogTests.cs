using BorderAlertBot.Geography;
using BorderAlertBot.Matching;
using BorderAlertBot.Testing.Builders;
using BorderAlertBot.Testing.Fakes;

namespace BorderAlertBot.Core.Tests.Matching;

public sealed class SubscriptionCatalogTests
{
    [Fact]
    public async Task The_index_is_built_once_while_the_version_stays_the_same()
    {
        // Arrange
        var store = new InMemorySubscriptionStore(new SubscriptionBuilder().Build(), new SubscriptionBuilder().Build());
        using var catalog = new SubscriptionCatalog(store);

        // Act
        var first = await catalog.GetAsync(CancellationToken.None);
        var second = await catalog.GetAsync(CancellationToken.None);
        var third = await catalog.GetAsync(CancellationToken.None);

        // Assert
        Assert.Equal(1, store.ListCalls);
        Assert.Same(first, second);
        Assert.Same(first, third);
        Assert.Equal(2, first.Index.Count);
        Assert.Equal(await store.GetVersionAsync(CancellationToken.None), first.Version);
    }

    [Fact]
    public async Task The_index_is_rebuilt_when_the_version_moves()
    {
        // Arrange
        var kept = new SubscriptionBuilder().Build();
        var removed = new SubscriptionBuilder().Build();
        var store = new InMemorySubscriptionStore(kept, removed);
        using var catalog = new SubscriptionCatalog(store);
        var before = await catalog.GetAsync(CancellationToken.None);
        var added = new SubscriptionBuilder().Build();

        // Act
        await store.AddAsync(added, CancellationToken.None);
        var afterAdd = await catalog.GetAsync(CancellationToken.None);
        await store.RemoveAsync(removed.Id, CancellationToken.None);
        var afterRemove = await catalog.GetAsync(CancellationToken.None);
        var again = await catalog.GetAsync(CancellationToken.None);

        // Assert
        Assert.Equal(3, store.ListCalls);
        Assert.Equal(2, before.Index.Count);
        Assert.Equal(3, afterAdd.Index.Count);
        Assert.Contains(added.Id, afterAdd.ById.Keys);
        Assert.Equal(2, afterRemove.Index.Count);
        Assert.DoesNotContain(removed.Id, afterRemove.ById.Keys);
        Assert.Same(afterRemove, again);
    }

    [Fact]
    public async Task A_pause_is_seen_by_the_next_snapshot()
    {
        var subscription = new SubscriptionBuilder().Build();
        var store = new InMemorySubscriptionStore(subscription);
        using var catalog = new SubscriptionCatalog(store);
        Assert.False((await catalog.GetAsync(CancellationToken.None)).ById[subscription.Id].IsPaused);

        await store.UpdateAsync(new SubscriptionBuilder().WithId(subscription.Id).PausedBecause("channel deleted").Build(), CancellationToken.None);

        Assert.True((await catalog.GetAsync(CancellationToken.None)).ById[subscription.Id].IsPaused);
        Assert.Equal(2, store.ListCalls);
    }

    [Fact]
    public async Task Callers_arriving_together_share_one_build()
    {
        var store = new InMemorySubscriptionStore(new SubscriptionBuilder().Build());
        using var catalog = new SubscriptionCatalog(store);

        var snapshots = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => catalog.GetAsync(CancellationToken.None))));

        Assert.Equal(1, store.ListCalls);
        Assert.All(snapshots, snapshot => Assert.Same(snapshots[0], snapshot));
    }
}
