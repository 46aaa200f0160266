namespace BorderAlertBot.Slack.Rendering;

/// <summary>
/// Who an alert pings, from a subscription's mention as configured: a user (<c>&lt;@U123&gt;</c>, <c>user:U123</c>,
/// <c>U123</c> or <c>W123</c>) or a user group (<c>&lt;!subteam^S123&gt;</c>, <c>subteam:S123</c>, <c>S123</c>). Anything else,
/// <c>channel</c>, <c>here</c> and <c>everyone</c> included, pings nobody (ARCHITECTURE.md §5).
/// </summary>
internal sealed record SlackMention(bool IsUserGroup, string Id)
{
    private const int MaxIdLength = 32;

    /// <summary>The text that pings: <c>&lt;@U123&gt;</c> or <c>&lt;!subteam^S123&gt;</c>.</summary>
    public string Markup => IsUserGroup ? $"<!subteam^{Id}>" : $"<@{Id}>";

    public static SlackMention? TryParse(string? configured)
    {
        var text = configured?.Trim() ?? string.Empty;
        if (text.StartsWith("<!subteam^", StringComparison.Ordinal) && text.EndsWith('>'))
        {
            return Group(WithoutLabel(text[10..^1]));
        }

        if (text.StartsWith("<@", StringComparison.Ordinal) && text.EndsWith('>'))
        {
            return User(WithoutLabel(text[2..^1]));
        }

        if (text.StartsWith("user:", StringComparison.OrdinalIgnoreCase))
        {
            return User(text[5..]);
        }

        if (text.StartsWith("subteam:", StringComparison.OrdinalIgnoreCase))
        {
            return Group(text[8..]);
        }

        return text.StartsWith('S') ? Group(text) : User(text);
    }

    private static string WithoutLabel(string token) => token.Split('|', 2)[0];

    private static SlackMention? User(string id) => IsId(id, 'U') || IsId(id, 'W') ? new SlackMention(false, id) : null;

    private static SlackMention? Group(string id) => IsId(id, 'S') ? new SlackMention(true, id) : null;

    private static bool IsId(string id, char first) =>
        id.Length is >= 3 and <= MaxIdLength && id[0] == first && id.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c));
}
