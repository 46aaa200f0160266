using System.ComponentModel.DataAnnotations;

namespace BorderAlertBot.Discord;

/// <summary>
/// The Discord application the bot speaks for (ARCHITECTURE.md §5–§7; facts in platforms/discord.md). Discord is on when
/// a bot token is set; the interactions endpoint needs the application's public key too.
/// </summary>
public sealed class DiscordOptions : IValidatableObject
{
    public const string SectionName = "Discord";

    /// <summary>The bot token (a secret: never logged or shown). Empty turns Discord off.</summary>
    public string BotToken { get; set; } = string.Empty;

    /// <summary>The application id (a snowflake), for command registration and interaction follow-ups.</summary>
    [RegularExpression("^$|^[0-9]{15,21}$", ErrorMessage = "must be a Discord snowflake (15 to 21 digits)")]
    public string ApplicationId { get; set; } = string.Empty;

    /// <summary>The application's public key (64 hex characters) that signs interactions.</summary>
    [RegularExpression("^$|^[0-9a-fA-F]{64}$", ErrorMessage = "must be 64 hex characters (the application's public key)")]
    public string PublicKey { get; set; } = string.Empty;

    /// <summary>Where the REST API is: Discord's v10, or a proxy or a fake server in tests.</summary>
    [Required]
    [Url(ErrorMessage = "must be an absolute URL")]
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>How an update to an alert shows when the subscription wants replies: in a thread started from the alert, or as a reply to it.</summary>
    public DiscordReplyMode Replies { get; set; } = DiscordReplyMode.Thread;

    /// <summary>Interactions signed longer ago than this are refused as replays (Discord sets no window; this is ours).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00", ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan SignatureMaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an answer may take before the interaction is deferred and completed later (Discord allows 3 s in all).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:02.800", ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan AnswerBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The root command's name as registered and as users type it (lowercase, 1–32 characters).</summary>
    [RegularExpression("^[-_a-z0-9]{1,32}$", ErrorMessage = "must be 1 to 32 lowercase letters, digits, '-' or '_'")]
    public string CommandName { get; set; } = "border";

    public bool IsEnabled => BotToken.Length > 0;

    /// <summary>The interactions endpoint answers only with a public key to check signatures against.</summary>
    public bool AcceptsInteractions => PublicKey.Length > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsEnabled && ApplicationId.Length == 0)
        {
            yield return new ValidationResult("must be set when Discord:BotToken is (the application id, for commands and interaction answers)", [nameof(ApplicationId)]);
        }

        if (AcceptsInteractions && ApplicationId.Length == 0)
        {
            yield return new ValidationResult("must be set when Discord:PublicKey is", [nameof(ApplicationId)]);
        }
    }
}
