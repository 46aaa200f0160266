using System.Text.Json;
using BorderAlertBot.Digests;
using BorderAlertBot.Serialization;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Testing.Contracts;

/// <summary>What every subscription store must do: keep subscriptions whole, list them as channels ask, and say when any changed.</summary>
public abstract class SubscriptionStoreContract : StoreContract
{
    [SkippableFact]
    public async Task A_subscription_reads_back_as_it_was_added_and_updated()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var subscription = new SubscriptionBuilder()
            .To(new DeliveryTarget(TargetKind.DiscordChannel, "1200000000000000001"))
            .WithRegions("laiza~25km")
            .WithKeywords("airstrike")
            .WithQuietHours(new TimeOnly(23, 0), new TimeOnly(7, 0), "Asia/Yangon")
            .Mentioning("<@&1300>", Domain.Severity.High)
            .Build();

        // Act
        await store.Subscriptions.AddAsync(subscription, CancellationToken.None);
        var added = await store.Subscriptions.TryGetAsync(subscription.Id, CancellationToken.None);
        var paused = subscription with { Paused = new PauseState("channel gone", Written) };
        var updated = await store.Subscriptions.UpdateAsync(paused, CancellationToken.None);

        // Assert
        Assert.Equal(Json(subscription), Json(added));
        Assert.True(updated);
        Assert.Equal(Json(paused), Json(await store.Subscriptions.TryGetAsync(subscription.Id, CancellationToken.None)));
    }

    private static string Json(Subscription? subscription) =>
        subscription is null ? "null" : JsonSerializer.Serialize(subscription, SubscriptionJsonContext.Default.Subscription);

    [SkippableFact]
    public async Task Updating_or_removing_an_unknown_subscription_says_so()
    {
        var store = await CreateStoreAsync();
        var unknown = new SubscriptionBuilder().Build();

        Assert.False(await store.Subscriptions.UpdateAsync(unknown, CancellationToken.None));
        Assert.False(await store.Subscriptions.RemoveAsync(unknown.Id, CancellationToken.None));
        Assert.Null(await store.Subscriptions.TryGetAsync(unknown.Id, CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_removed_subscription_is_gone_from_every_list()
    {
        var store = await CreateStoreAsync();
        var kept = new SubscriptionBuilder().Build();
        var removed = new SubscriptionBuilder().Build();
        await store.Subscriptions.AddAsync(kept, CancellationToken.None);
        await store.Subscriptions.AddAsync(removed, CancellationToken.None);

        Assert.True(await store.Subscriptions.RemoveAsync(removed.Id, CancellationToken.None));

        Assert.Equal([kept.Id], (await store.Subscriptions.ListAsync(CancellationToken.None)).Select(subscription => subscription.Id));
        Assert.Null(await store.Subscriptions.TryGetAsync(removed.Id, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Every_subscription_is_listed_oldest_first()
    {
        var store = await CreateStoreAsync();
        var newest = new SubscriptionBuilder().CreatedBy("c", Written).Build();
        var oldest = new SubscriptionBuilder().CreatedBy("a", Written.AddDays(-2)).Build();
        var middle = new SubscriptionBuilder().CreatedBy("b", Written.AddDays(-1)).Build();
        foreach (var subscription in new[] { newest, oldest, middle })
        {
            await store.Subscriptions.AddAsync(subscription, CancellationToken.None);
        }

        Assert.Equal([oldest.Id, middle.Id, newest.Id], (await store.Subscriptions.ListAsync(CancellationToken.None)).Select(subscription => subscription.Id));
    }

    [SkippableFact]
    public async Task A_channel_reads_only_its_own_subscriptions_oldest_first_with_their_digests()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var schedule = new DigestSchedule(new TimeOnly(7, 30), "Asia/Yangon", new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero));
        var channel = new DeliveryTarget(TargetKind.SlackChannel, "C0NEWSDESK");
        var older = new SubscriptionBuilder().To(channel).CreatedBy("a", Written.AddDays(-2)).Build() with { Digest = schedule };
        var newer = new SubscriptionBuilder().To(channel).CreatedBy("b", Written).Build();
        var elsewhere = new SubscriptionBuilder().To(new DeliveryTarget(TargetKind.SlackChannel, "C0OTHER")).Build();
        foreach (var subscription in new[] { newer, elsewhere, older })
        {
            await store.Subscriptions.AddAsync(subscription, CancellationToken.None);
        }

        // Act
        var own = await store.Subscriptions.ListForTargetAsync(channel, CancellationToken.None);

        // Assert
        Assert.Equal([older.Id, newer.Id], own.Select(subscription => subscription.Id));
        Assert.Equal(schedule, own[0].Digest);
        Assert.Null(own[1].Digest);
    }

    [SkippableFact]
    public async Task The_version_changes_with_every_add_update_and_remove_and_only_then()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var subscription = new SubscriptionBuilder().Build();
        var versions = new List<long> { await store.Subscriptions.GetVersionAsync(CancellationToken.None) };

        // Act
        await store.Subscriptions.AddAsync(subscription, CancellationToken.None);
        versions.Add(await store.Subscriptions.GetVersionAsync(CancellationToken.None));
        versions.Add(await store.Subscriptions.GetVersionAsync(CancellationToken.None));
        await store.Subscriptions.UpdateAsync(subscription with { MutedUntil = Written.AddHours(1) }, CancellationToken.None);
        versions.Add(await store.Subscriptions.GetVersionAsync(CancellationToken.None));
        await store.Subscriptions.RemoveAsync(subscription.Id, CancellationToken.None);
        versions.Add(await store.Subscriptions.GetVersionAsync(CancellationToken.None));

        // Assert
        Assert.Equal(versions[1], versions[2]);
        Assert.Equal(4, versions.Distinct().Count());
        Assert.True(versions[0] < versions[1] && versions[1] < versions[3] && versions[3] < versions[4]);
    }
}
