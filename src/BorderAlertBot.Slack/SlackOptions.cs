using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace BorderAlertBot.Slack;

/// <summary>
/// The Slack app the bot speaks for (ARCHITECTURE.md §5–§7; facts in platforms/slack.md). Slack is on when a bot token
/// is set; the HTTP endpoints need the signing secret, Socket Mode an app-level token.
/// </summary>
public sealed partial class SlackOptions : IValidatableObject
{
    public const string SectionName = "Slack";

    /// <summary>The bot token, <c>xoxb-…</c> (a secret: never logged or shown). Empty turns Slack off.</summary>
    [RegularExpression("^$|^xoxb-[A-Za-z0-9-]+$", ErrorMessage = "must be a bot token (xoxb-…)")]
    public string BotToken { get; set; } = string.Empty;

    /// <summary>The app-level token, <c>xapp-…</c>, with <c>connections:write</c>, for Socket Mode (a secret). Empty: HTTP mode.</summary>
    [RegularExpression("^$|^xapp-[A-Za-z0-9-]+$", ErrorMessage = "must be an app-level token (xapp-…)")]
    public string AppToken { get; set; } = string.Empty;

    /// <summary>The app's signing secret that signs slash commands and interactivity (a secret), as Slack shows it.</summary>
    [RegularExpression("^$|^[A-Za-z0-9]{16,128}$", ErrorMessage = "must be the app's signing secret (letters and digits, as Slack shows it)")]
    public string SigningSecret { get; set; } = string.Empty;

    /// <summary>Where the Web API is: Slack's, or a proxy or a fake server in tests. Methods are appended to it.</summary>
    [Required]
    [Url(ErrorMessage = "must be an absolute URL")]
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>
    /// Slack user ids (<c>U…</c>/<c>W…</c>) who may use the admin subcommands. Empty: the workspace's admins and owners
    /// may (asked with <c>users.info</c>, which needs the <c>users:read</c> scope).
    /// </summary>
    public List<string> AdminUserIds { get; set; } = [];

    /// <summary>Requests signed longer ago (or further ahead) than this are refused as replays; Slack's rule is 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "00:05:00", ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan SignatureMaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an answer may take before the command is acknowledged and completed through <c>response_url</c> (Slack allows 3 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:02.800", ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan AnswerBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The slash command's name without the slash, as configured in the app (lowercase, 1–32 characters).</summary>
    [RegularExpression("^[-_a-z0-9]{1,32}$", ErrorMessage = "must be 1 to 32 lowercase letters, digits, '-' or '_'")]
    public string CommandName { get; set; } = "border";

    /// <summary>Messages a channel (or an incoming webhook) may take at once before the one-per-second pace applies.</summary>
    [Range(1, 10, ErrorMessage = "must be between {1} and {2}")]
    public int ChannelBurst { get; set; } = 3;

    /// <summary>
    /// <c>chat.postMessage</c> calls per minute for the whole workspace. Slack allows "several hundred"; this stays well under.
    /// </summary>
    [Range(10, 600, ErrorMessage = "must be between {1} and {2}")]
    public int WorkspaceMessagesPerMinute { get; set; } = 240;

    /// <summary>How long a workspace's admins and owners (from <c>users.info</c>) are remembered.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan AdminCacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    public bool IsEnabled => BotToken.Length > 0;

    /// <summary>The HTTP endpoints answer only with a signing secret to check signatures against.</summary>
    public bool AcceptsRequests => SigningSecret.Length > 0;

    /// <summary>Commands and interactivity come over Socket Mode instead of HTTP.</summary>
    public bool UsesSocketMode => AppToken.Length > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var bad = AdminUserIds.Where(id => !UserId().IsMatch(id)).ToList();
        if (bad.Count > 0)
        {
            yield return new ValidationResult($"must hold Slack user ids (U… or W…); not: {string.Join(", ", bad)}", [nameof(AdminUserIds)]);
        }

        if (UsesSocketMode && !IsEnabled)
        {
            yield return new ValidationResult("must be set when Slack:AppToken is (Socket Mode answers with the bot token)", [nameof(BotToken)]);
        }
    }

    [GeneratedRegex("^[UW][A-Z0-9]{2,}$")]
    private static partial Regex UserId();
}
