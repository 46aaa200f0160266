using System.Globalization;
using BorderAlertBot.Discord.Wire;

namespace BorderAlertBot.Discord.Rendering;

/// <summary>
/// Who an alert pings, from a subscription's mention as configured: a role (<c>&amp;123</c>, <c>role:123</c>, <c>&lt;@&amp;123&gt;</c>
/// or bare digits) or a user (<c>user:123</c>, <c>&lt;@123&gt;</c>, <c>&lt;@!123&gt;</c>). Anything else, <c>everyone</c> and
/// <c>here</c> included, pings nobody (ARCHITECTURE.md §5).
/// </summary>
internal sealed record DiscordMention(bool IsRole, ulong Id)
{
    /// <summary>The text that pings: <c>&lt;@&amp;123&gt;</c> or <c>&lt;@123&gt;</c>.</summary>
    public string Markup => IsRole ? $"<@&{IdText}>" : $"<@{IdText}>";

    /// <summary><c>parse: []</c> and only this role or user.</summary>
    public AllowedMentions Allowed => IsRole ? new AllowedMentions([], Roles: [IdText]) : new AllowedMentions([], Users: [IdText]);

    private string IdText => Id.ToString(CultureInfo.InvariantCulture);

    public static DiscordMention? TryParse(string? configured)
    {
        var text = configured?.Trim() ?? string.Empty;
        return text switch
        {
            ['<', '@', '&', .. var id, '>'] => Of(true, id),
            ['<', '@', '!', .. var id, '>'] => Of(false, id),
            ['<', '@', .. var id, '>'] => Of(false, id),
            ['&', .. var id] => Of(true, id),
            _ when text.StartsWith("role:", StringComparison.OrdinalIgnoreCase) => Of(true, text[5..]),
            _ when text.StartsWith("user:", StringComparison.OrdinalIgnoreCase) => Of(false, text[5..]),
            _ => Of(true, text),
        };
    }

    private static DiscordMention? Of(bool isRole, string id) =>
        id.Length is > 0 and <= 20 && id.All(char.IsAsciiDigit)
        && ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? new DiscordMention(isRole, value)
            : null;
}
