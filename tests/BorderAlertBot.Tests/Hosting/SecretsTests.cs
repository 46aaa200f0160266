using BorderAlertBot.Abstractions;
using BorderAlertBot.Cli;
using BorderAlertBot.Domain;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Testing.FakeSlack;
using BorderAlertBot.Tests.Cli;
using BorderAlertBot.Tests.Delivery;
using BorderAlertBot.Tests.Discord;
using BorderAlertBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlertBot.Tests.Hosting;

/// <summary>
/// ARCHITECTURE.md §13: secrets never appear in logs or errors. A whole session with both platforms, channel and webhook
/// targets, commands, failures and CLI verbs, every log line kept at Trace: no token, signing secret, webhook URL (or its
/// secret part), interaction token or response URL appears anywhere an operator could read it.
/// </summary>
public sealed class SecretsTests : IDisposable
{
    private const string DiscordWebhookChannel = "1200000000000000077";
    private const string SlackWebhookChannel = "C0HOOKS01";
    private const string InteractionToken = "interaction-token-SECRET-5c8d1e";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly BotData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_whole_session_with_failures_and_cli_verbs_never_writes_a_secret_anywhere()
    {
        // Arrange: a Discord channel and webhook, a Slack channel and webhook.
        await using var bot = await PlatformsBot.StartAsync(_data.DatabasePath, settings: PlatformFaults.Subscribe("discord-channel:" + PlatformsBot.DiscordChannelId, "slack-channel:" + PlatformsBot.SlackChannelId));
        var discordWebhook = bot.Discord.AddWebhook(DiscordWebhookChannel);
        var discordWebhookUrl = "https://discord.com/api/webhooks/" + discordWebhook[(discordWebhook.IndexOf("/webhooks/", StringComparison.Ordinal) + "/webhooks/".Length)..];
        bot.Bot.Settings["Subscriptions:Configured:2:Name"] = "secret-webhook";
        bot.Bot.Settings["Subscriptions:Configured:2:Target"] = "discord-webhook:" + discordWebhookUrl;
        bot.Bot.Settings["Subscriptions:Configured:2:Filter"] = "kinds:clash";
        bot.Bot.StartServer();
        var slackWebhook = bot.Slack.AddWebhook(SlackWebhookChannel);
        await bot.Bot.Services.GetRequiredService<ISubscriptionStore>().AddAsync(new Subscription(SubscriptionId.New(), new DeliveryTarget(TargetKind.SlackWebhook, slackWebhook.ToString()),
            SubscriptionFilter.Everything, TimeSpan.Zero, UpdateMode.Edit, null, null, null, null, bot.Bot.Time.GetUtcNow(), "secrets-test"), CancellationToken.None);
        var responseUrl = bot.Slack.NewResponseUrl(PlatformsBot.SlackChannelId);

        // Act: alerts to all four; an update; commands on both platforms; the Slack webhook revoked; CLI verbs, one failing.
        await bot.ImportAsync("secrets-test", PlatformFaults.Clash("alpha"));
        await bot.AdvanceUntilAsync(() => bot.Discord.Messages(DiscordWebhookChannel).Count == 1 && bot.Slack.Messages(SlackWebhookChannel).Count == 1
            && bot.Discord.Messages(PlatformsBot.DiscordChannelId).Count == 1 && bot.Slack.Messages(PlatformsBot.SlackChannelId).Count == 1, TimeSpan.FromSeconds(1), Patience);
        var interaction = Interactions.Command("latest", PlatformsBot.AdminPermissions);
        interaction["token"] = InteractionToken;
        await bot.PostInteractionAsync(interaction.ToJsonString());
        await bot.PostSlackAsync("/slack/commands", new SlackSlashCommand { TeamId = bot.Slack.Options.TeamId, ChannelId = PlatformsBot.SlackChannelId, UserId = PlatformsBot.SlackAdminId, Command = "/border", Text = "summary 30d", ResponseUrl = responseUrl.ToString() }.ToFormBody());
        await bot.PostSlackAsync("/slack/commands", "command=%2Fborder&text=help"); // Signed, but no command: a 400.
        bot.Slack.RemoveWebhook(slackWebhook);
        await bot.ImportAsync("secrets-test", PlatformFaults.Clash("bravo"));
        await bot.AdvanceUntilAsync(() => bot.Discord.Messages(DiscordWebhookChannel).Count == 2
            && bot.Slack.Received.Any(request => request.Path.Contains("/services/", StringComparison.Ordinal) && request.Status == 404), TimeSpan.FromSeconds(1), Patience);
        var cli = new CliRunner(_data.DatabasePath, bot.Bot.Settings);
        var cliRuns = new List<CliResult>
        {
            await cli.RunAsync("subscriptions", "list"),
            await cli.RunAsync("subscriptions", "add", "--target", "discord-webhook:https://discord.com/api/webhooks/1234567890123456789/cli-webhook-token-SECRET-77aa"),
            await cli.RunAsync("deliveries", "explain", "--event", "evt_fault_alpha", "--subscription", "nonexistent"),
            await new CliRunner(_data.DatabasePath, new Dictionary<string, string?>(bot.Bot.Settings) { ["Discord:BotToken"] = "refused-cli-token-SECRET-0d0d" }).RunAsync("discord", "register-commands"),
            await new CliRunner(_data.DatabasePath, new Dictionary<string, string?>(bot.Bot.Settings) { ["Slack:SigningSecret"] = "bad secret SECRET!" }).RunAsync("events", "list"),
        };

        // Assert: the session did what it should, and nothing anyone can read holds a secret.
        Assert.Equal(ExitCodes.Failed, cliRuns[3].ExitCode);
        Assert.Equal(ExitCodes.InvalidConfiguration, cliRuns[4].ExitCode);
        var readable = new List<(string Where, string Text)> { ("console", bot.Bot.Console.Text) };
        readable.AddRange(bot.Logs.Lines.Select(line => ("log", line)));
        readable.AddRange(cliRuns.SelectMany(run => new[] { ("cli output", run.Output), ("cli error", run.Error) }));
        Assert.Contains(bot.Logs.Lines, line => line.StartsWith("Trace ", StringComparison.Ordinal)); // The capture sees every level.
        Assert.Contains(bot.Logs.Lines, line => line.Contains("subscription", StringComparison.OrdinalIgnoreCase) && line.Contains("paused", StringComparison.Ordinal));
        string[] secrets =
        [
            .. PlatformsBot.Secrets, InteractionToken, Tail(discordWebhookUrl), Tail(slackWebhook.ToString()), Tail(responseUrl.ToString()),
            "cli-webhook-token", "refused-cli-token", "bad secret",
        ];
        var leaks = readable.SelectMany(text => secrets.Where(secret => text.Text.Contains(secret, StringComparison.Ordinal)).Select(secret => $"{text.Where}: {secret} in {text.Text}")).ToList();
        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks.Take(5)));
    }

    /// <summary>The last path segment of a URL: a webhook's token or secret, a response URL's secret.</summary>
    private static string Tail(string url) => url.TrimEnd('/')[(url.TrimEnd('/').LastIndexOf('/') + 1)..];
}
