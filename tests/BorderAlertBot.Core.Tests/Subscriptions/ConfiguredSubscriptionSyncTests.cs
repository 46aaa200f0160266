using BorderAlertBot.Commands;
using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Testing.Builders;
using BorderAlertBot.Testing.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace BorderAlertBot.Core.Tests.Subscriptions;

public sealed class ConfiguredSubscriptionSyncTests
{
    private static readonly DeliveryTarget Newsdesk = new(TargetKind.DiscordWebhook, "https://discord.com/api/webhooks/1234567890123456789/token-newsdesk");
    private static readonly DeliveryTarget Traders = new(TargetKind.DiscordWebhook, "https://discord.com/api/webhooks/1234567890123456790/token-traders");
    private readonly CommandParser _parser = new(Gazetteer.Bundled);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_configured_subscription_is_added_once_and_left_alone_at_the_next_start()
    {
        var store = new InMemorySubscriptionStore();
        var sync = new ConfiguredSubscriptionSync(store, _time);
        ConfiguredSubscription[] configured = [Configured("newsdesk", Newsdesk, "kinds:clash regions:CN-MM updates:both")];

        var first = await sync.SyncAsync(configured, CancellationToken.None);
        var second = await sync.SyncAsync(configured, CancellationToken.None);

        Assert.Equal(["newsdesk"], first.Added);
        Assert.Equal(["newsdesk"], second.Unchanged);
        var stored = Assert.Single(await store.ListAsync(CancellationToken.None));
        Assert.Equal((Newsdesk, UpdateMode.Both, "appsettings:newsdesk"), (stored.Target, stored.Updates, stored.CreatedBy));
        Assert.Equal([EventKind.BorderClash], stored.Filter.Kinds);
        Assert.Equal(_time.GetUtcNow(), stored.CreatedAt);
    }

    [Fact]
    public async Task A_changed_filter_updates_the_subscription_in_place_keeping_its_id_and_mute()
    {
        // Arrange: the newsdesk subscription exists and a person muted it.
        var store = new InMemorySubscriptionStore();
        var sync = new ConfiguredSubscriptionSync(store, _time);
        await sync.SyncAsync([Configured("newsdesk", Newsdesk, "kinds:clash")], CancellationToken.None);
        var original = Assert.Single(await store.ListAsync(CancellationToken.None));
        await store.UpdateAsync(original with { MutedUntil = _time.GetUtcNow().AddHours(2) }, CancellationToken.None);

        // Act
        var changes = await sync.SyncAsync([Configured("newsdesk", Newsdesk, "kinds:clash,trade window:5m")], CancellationToken.None);

        // Assert
        Assert.Equal(["newsdesk"], changes.Updated);
        var updated = Assert.Single(await store.ListAsync(CancellationToken.None));
        Assert.Equal(original.Id, updated.Id);
        Assert.Equal([EventKind.BorderClash, EventKind.TradeDisruption], updated.Filter.Kinds);
        Assert.Equal(TimeSpan.FromMinutes(5), updated.GroupWindow);
        Assert.Equal(_time.GetUtcNow().AddHours(2), updated.MutedUntil);
    }

    [Fact]
    public async Task A_new_webhook_url_lifts_the_pause_the_old_one_caused()
    {
        var store = new InMemorySubscriptionStore();
        var sync = new ConfiguredSubscriptionSync(store, _time);
        await sync.SyncAsync([Configured("newsdesk", Newsdesk, string.Empty)], CancellationToken.None);
        var original = Assert.Single(await store.ListAsync(CancellationToken.None));
        await store.UpdateAsync(original with { Paused = new PauseState("Discord: Unknown Webhook (10015)", _time.GetUtcNow()) }, CancellationToken.None);

        await sync.SyncAsync([Configured("newsdesk", Traders, string.Empty)], CancellationToken.None);

        var moved = Assert.Single(await store.ListAsync(CancellationToken.None));
        Assert.Equal(Traders, moved.Target);
        Assert.False(moved.IsPaused);
    }

    [Fact]
    public async Task A_name_taken_out_of_configuration_is_removed_and_subscriptions_people_made_stay()
    {
        var byPerson = new SubscriptionBuilder().To(new DeliveryTarget(TargetKind.DiscordChannel, "1200000000000000009")).Build();
        var store = new InMemorySubscriptionStore(byPerson);
        var sync = new ConfiguredSubscriptionSync(store, _time);
        await sync.SyncAsync([Configured("newsdesk", Newsdesk, string.Empty), Configured("traders", Traders, "kinds:trade")], CancellationToken.None);

        var changes = await sync.SyncAsync([Configured("traders", Traders, "kinds:trade")], CancellationToken.None);

        Assert.Equal(["newsdesk"], changes.Removed);
        var left = await store.ListAsync(CancellationToken.None);
        Assert.Equal([byPerson.Id.Value, "traders"], left.Select(subscription => ConfiguredSubscription.NameOf(subscription) ?? subscription.Id.Value));
    }

    [Fact]
    public async Task An_empty_configuration_touches_nothing_people_made()
    {
        var byPerson = new SubscriptionBuilder().Build();
        var store = new InMemorySubscriptionStore(byPerson);

        var changes = await new ConfiguredSubscriptionSync(store, _time).SyncAsync([], CancellationToken.None);

        Assert.Empty(changes.Removed);
        Assert.Equal([byPerson], await store.ListAsync(CancellationToken.None));
    }

    private ConfiguredSubscription Configured(string name, DeliveryTarget target, string filter) =>
        new(name, target, (SubscribeCommand)Assert.IsType<CommandParseResult.Parsed>(_parser.Parse("subscribe " + filter)).Command);
}
