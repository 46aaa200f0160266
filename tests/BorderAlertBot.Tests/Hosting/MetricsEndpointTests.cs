using System.Net;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Domain;
using BorderAlertBot.Testing.Builders;
using BorderAlertBot.Tests.Discord;
using BorderAlertBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlertBot.Tests.Hosting;

/// <summary>
/// <c>/metrics</c> after a small session with Discord and Slack: every series the README lists is there, with the values
/// the session must have produced. Run alone: the meter's listeners are process-wide, and another test's bot would count too.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class MetricsEndpointTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly BotData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_scrape_after_a_session_shows_ingestion_matching_holds_deliveries_failures_429s_pauses_the_outbox_and_command_latency()
    {
        // Arrange: a Discord channel (muted: only Critical breaks through) and a Slack channel that no longer exists.
        await using var bot = await PlatformsBot.StartAsync(_data.DatabasePath, settings: settings =>
        {
            settings["Subscriptions:Configured:0:Name"] = "metrics-discord";
            settings["Subscriptions:Configured:0:Target"] = "discord-channel:" + PlatformsBot.DiscordChannelId;
            settings["Subscriptions:Configured:0:Filter"] = "kinds:clash";
            settings["Subscriptions:Configured:1:Name"] = "metrics-slack";
            settings["Subscriptions:Configured:1:Target"] = "slack-channel:" + PlatformsBot.SlackChannelId;
            settings["Subscriptions:Configured:1:Filter"] = "kinds:trade";
        });
        bot.Bot.StartServer();
        var services = bot.Bot.Services;
        var subscriptions = services.GetRequiredService<ISubscriptionStore>();
        var discord = (await subscriptions.ListAsync(CancellationToken.None)).Single(subscription => subscription.CreatedBy == "appsettings:metrics-discord");
        await subscriptions.UpdateAsync(discord with { MutedUntil = bot.Bot.Time.GetUtcNow().AddHours(8) }, CancellationToken.None);
        bot.Discord.FailNext(PlatformsBot.DiscordChannelId, 500, 0, "500: Internal Server Error");
        bot.Discord.HiddenLimit(PlatformsBot.DiscordChannelId, count: 1, window: TimeSpan.FromMinutes(1));
        bot.Slack.FailNext(PlatformsBot.SlackChannelId, "channel_not_found");

        // Act: two Critical clashes (one at a time), two Moderate ones (held by the mute), one trade event for Slack.
        await bot.ImportAsync("metrics-test", Clash("evt_metrics_critical_1", Severity.Critical), Clash("evt_metrics_moderate_1", null), Clash("evt_metrics_moderate_2", null),
            new EventBuilder().WithId("evt_metrics_trade").WithSubtype(EventSubtype.CrossingClosed).Build());
        await bot.AdvanceUntilAsync(() => bot.Discord.Messages(PlatformsBot.DiscordChannelId).Count == 1, TimeSpan.FromSeconds(1), Patience);
        await bot.ImportAsync("metrics-test", Clash("evt_metrics_critical_2", Severity.Critical));
        await bot.AdvanceUntilAsync(() => bot.Discord.Messages(PlatformsBot.DiscordChannelId).Count == 2, TimeSpan.FromSeconds(1), Patience);
        await bot.PostInteractionAsync(Interactions.Command("latest", PlatformsBot.AdminPermissions).ToJsonString());
        var (status, scrape) = await ScrapeAsync(bot);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(5, scrape.Value("borderalertbot_events_ingested_total", ("source", "metrics-test"), ("outcome", "added")));
        Assert.Equal(5, scrape.Value("borderalertbot_alerts_matched_total"));
        Assert.Equal(2, scrape.Value("borderalertbot_alerts_held_total"));
        Assert.Equal(2, scrape.Value("borderalertbot_alerts_sent_total", ("platform", "discord")));
        Assert.Equal(2, scrape.Value("borderalertbot_alerts_failed_total", ("platform", "discord"), ("outcome", "retry")));
        Assert.Equal(1, scrape.Value("borderalertbot_subscriptions_paused_total", ("platform", "slack")));
        Assert.Equal(2, scrape.Value("borderalertbot_delivery_latency_seconds_count", ("platform", "discord")));
        Assert.True(scrape.Value("borderalertbot_delivery_latency_seconds_sum", ("platform", "discord")) >= 2, "both alerts waited out a retry");
        Assert.Equal(1, scrape.Value("borderalertbot_platform_rate_limited_total", ("platform", "discord"), ("scope", "shared")));
        Assert.Equal(1, scrape.Value("borderalertbot_platform_pauses_total", ("platform", "discord"), ("reason", "rate_limit")));
        Assert.Equal(3, scrape.Value("borderalertbot_outbox_depth")); // Two held alerts and the paused Slack channel's.
        Assert.Equal(0, scrape.Value("borderalertbot_outbox_oldest_age_seconds"));
        Assert.Equal(1, scrape.Value("borderalertbot_command_duration_seconds_count", ("platform", "discord"), ("subcommand", "latest")));
        Assert.Contains("# TYPE borderalertbot_delivery_latency_seconds histogram", scrape.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_oldest_age_grows_while_a_due_alert_cannot_go()
    {
        // Arrange: Discord down for every request.
        await using var bot = await PlatformsBot.StartAsync(_data.DatabasePath, settings: settings =>
        {
            settings["Subscriptions:Configured:0:Name"] = "metrics-discord";
            settings["Subscriptions:Configured:0:Target"] = "discord-channel:" + PlatformsBot.DiscordChannelId;
            settings["Subscriptions:Configured:0:Filter"] = "kinds:clash";
        });
        bot.Bot.StartServer();
        bot.Discord.BeginOutage();

        // Act
        await bot.ImportAsync("metrics-test", Clash("evt_metrics_outage", null));
        // The alert's own failed post (the start-up credential check also meets the outage, before the alert exists).
        await bot.Discord.WhenAsync(fake => fake.Received.Any(request => request.Status == 503 && request.PathAndQuery.EndsWith("/messages", StringComparison.Ordinal))).WaitAsync(Patience);
        bot.Bot.Time.Advance(TimeSpan.FromSeconds(90));
        var (_, scrape) = await ScrapeAsync(bot);

        // Assert
        Assert.Equal(1, scrape.Value("borderalertbot_outbox_depth"));
        Assert.InRange(scrape.Value("borderalertbot_outbox_oldest_age_seconds"), 90, 91);
    }

    private static ConflictEvent Clash(string id, Severity? severity)
    {
        var builder = new EventBuilder().WithId(id).WithSubtype(EventSubtype.ArmedClash).WithTitle("Clash " + id);
        return (severity is { } critical ? builder.WithSeverityOverride(critical, "a test needs it critical") : builder).Build();
    }

    private static async Task<(HttpStatusCode Status, PrometheusText Scrape)> ScrapeAsync(PlatformsBot bot)
    {
        using var response = await bot.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
        return (response.StatusCode, new PrometheusText(await response.Content.ReadAsStringAsync()));
    }
}

/// <summary>Tests that read process-wide meters run with nothing else in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics (alone)";
}
