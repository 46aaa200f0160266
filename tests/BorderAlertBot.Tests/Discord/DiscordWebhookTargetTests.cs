using System.Text;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Cli;
using BorderAlertBot.Tests.Cli;
using BorderAlertBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlertBot.Tests.Discord;

/// <summary>Webhook targets declared in appsettings (<c>Subscriptions:Configured</c>), delivered through the fake Discord.</summary>
public sealed class DiscordWebhookTargetTests : IDisposable
{
    private const string WebhookChannel = "1200000000000000077";
    private readonly BotData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_webhook_configured_in_appsettings_gets_the_alerts_its_filter_matches()
    {
        // Arrange: a webhook on another channel, configured for clashes only, as an operator would paste it.
        await using var discord = await DiscordBot.StartAsync(_data.DatabasePath);
        var url = AsDiscordUrl(discord.Fake.AddWebhook(WebhookChannel));
        Configure(discord, "newsdesk-webhook", "discord-webhook:" + url, "kinds:clash regions:CN-MM");
        discord.Bot.StartServer();
        var cli = new CliRunner(_data.DatabasePath, discord.Bot.Settings);

        // Act
        var imported = await cli.RunAsync("import", _data.Write("events.json", CuratedFile(
            Record("evt_webhook_clash", "BorderClash", "ArmedClash", "Clash at Muse gate"),
            Record("evt_webhook_gate", "TradeDisruption", "CrossingClosed", "Muse gate closed to trucks"))));
        Assert.Equal(ExitCodes.Success, imported.ExitCode);
        for (var step = 0; step < 100 && discord.Fake.Messages(WebhookChannel).Count == 0; step++)
        {
            discord.Bot.Time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }

        await discord.Bot.WaitUntilDeliveredAsync(TimeSpan.FromSeconds(20));

        // Assert: the clash came through the webhook, the trade event did not, and the URL was never logged or shown.
        var message = Assert.Single(discord.Fake.Messages(WebhookChannel));
        Assert.NotNull(message.WebhookId);
        Assert.Contains("Clash at Muse gate", DiscordCommandTests.Text(message.Embeds), StringComparison.Ordinal);
        Assert.Empty(message.AllowedMentions!.Value.GetProperty("parse").EnumerateArray());
        var stored = Assert.Single(await discord.Bot.Services.GetRequiredService<ISubscriptionStore>().ListAsync(CancellationToken.None));
        Assert.Equal("appsettings:newsdesk-webhook", stored.CreatedBy);
        Assert.DoesNotContain(Token(url), discord.Bot.Console.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_the_configured_filter_updates_the_same_subscription_at_the_next_start()
    {
        // Arrange: a first start with clashes only.
        string? firstId;
        await using (var first = await DiscordBot.StartAsync(_data.DatabasePath))
        {
            Configure(first, "newsdesk-webhook", "discord-webhook:" + AsDiscordUrl(first.Fake.AddWebhook(WebhookChannel)), "kinds:clash");
            first.Bot.StartServer();
            firstId = Assert.Single(await first.Bot.Services.GetRequiredService<ISubscriptionStore>().ListAsync(CancellationToken.None)).Id.Value;
        }

        // Act: the operator widens it to trade too and restarts.
        await using var second = await DiscordBot.StartAsync(_data.DatabasePath);
        Configure(second, "newsdesk-webhook", "discord-webhook:" + AsDiscordUrl(second.Fake.AddWebhook(WebhookChannel)), "kinds:clash,trade");
        second.Bot.StartServer();

        // Assert
        var stored = Assert.Single(await second.Bot.Services.GetRequiredService<ISubscriptionStore>().ListAsync(CancellationToken.None));
        Assert.Equal(firstId, stored.Id.Value);
        Assert.Equal(2, stored.Filter.Kinds.Count);
    }

    [Theory]
    [InlineData("discord-webhook:https://example.com/hooks/s3cr3t-token-abcd", "kinds:clash",
        "Invalid configuration: Subscriptions:Configured:0:Target: discord-webhook needs a Discord webhook URL")]
    [InlineData("discord-webhook:http://discord.com/api/webhooks/1234567890123456789/s3cr3t-token-abcd", "kinds:clash",
        "Invalid configuration: Subscriptions:Configured:0:Target: discord-webhook needs an https URL")]
    [InlineData("discord-webhook:https://discord.com/api/webhooks/1234567890123456789/s3cr3t-token-abcd", "regions:myanmar-china",
        "Invalid configuration: Subscriptions:Configured:0:Filter: regions: \"myanmar-china\" is not a region; did you mean CN-MM?")]
    public async Task A_configured_subscription_that_cannot_work_stops_the_start_naming_the_key_and_never_the_url(string target, string filter, string expected)
    {
        // Arrange
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment(output, error, new Dictionary<string, string?>
        {
            ["Store:Path"] = _data.DatabasePath,
            ["Http:Port"] = "0",
            ["Subscriptions:Configured:0:Name"] = "newsdesk-webhook",
            ["Subscriptions:Configured:0:Target"] = target,
            ["Subscriptions:Configured:0:Filter"] = filter,
        }, IsInteractive: false);

        // Act
        var exitCode = await BorderAlertBotCli.RunAsync(["run"], environment).WaitAsync(TimeSpan.FromSeconds(30));

        // Assert
        Assert.Equal(ExitCodes.InvalidConfiguration, exitCode);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error.ToString() + output, StringComparison.Ordinal);
    }

    private static void Configure(DiscordBot discord, string name, string target, string filter)
    {
        discord.Bot.Settings["Subscriptions:Configured:0:Name"] = name;
        discord.Bot.Settings["Subscriptions:Configured:0:Target"] = target;
        discord.Bot.Settings["Subscriptions:Configured:0:Filter"] = filter;
    }

    /// <summary>The fake's webhook URL as Discord shows it; the bot sends to its configured API base whatever the URL's host.</summary>
    private static string AsDiscordUrl(string fakeUrl) =>
        "https://discord.com/api/webhooks/" + fakeUrl[(fakeUrl.IndexOf("/webhooks/", StringComparison.Ordinal) + "/webhooks/".Length)..];

    private static string Token(string url) => url[(url.LastIndexOf('/') + 1)..];

    private static string Record(string id, string kind, string subtype, string title) =>
        $$"""
            {
              "id": "{{id}}", "kind": "{{kind}}", "subtype": "{{subtype}}", "title": "{{title}}",
              "occurred": { "at": "2026-11-28T08:00:00Z", "precision": "exact" },
              "location": { "country": "MM", "admin1": "Shan-North", "place": "Muse", "lat": 23.9933, "lon": 97.9103, "precision": "exact" },
              "sources": [ { "name": "The Irrawaddy", "url": "https://www.irrawaddy.com/news/{{id}}.html" } ],
              "status": "Verified", "border": "CN-MM"
            }
        """;

    private static string CuratedFile(params string[] records) =>
        new StringBuilder("{\n  \"events\": [\n").Append(string.Join(",\n", records)).Append("\n  ]\n}\n").ToString();
}
