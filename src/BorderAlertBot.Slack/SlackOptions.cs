namespace BorderAlertBot.Slack;

/// <summary>
/// The Slack app the bot speaks for (ARCHITECTURE.md §5–§7; facts in platforms/slack.md). Slack is on when a bot token
/// is set; the HTTP endpoints need the signing secret, Socket Mode an app-level token.
/// </summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    /// <summary>The bot token, <c>xoxb-…</c> (a secret: never logged or shown). Empty turns Slack off.</summary>
    public string BotToken { get; set; } = string.Empty;

    /// <summary>The app's signing secret that signs slash commands and interactivity (a secret).</summary>
    public string SigningSecret { get; set; } = string.Empty;

    /// <summary>Where the Web API is: Slack's, or a proxy or a fake server in tests.</summary>
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    public bool IsEnabled => BotToken.Length > 0;
}
