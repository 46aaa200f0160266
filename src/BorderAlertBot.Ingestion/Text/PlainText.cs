using System.Net;
using System.Text.RegularExpressions;

namespace BorderAlertBot.Ingestion.Text;

/// <summary>Text from the web made fit for an event: markup and entities removed, whitespace collapsed, length capped.</summary>
internal static partial class PlainText
{
    /// <summary>The text of an HTML fragment: scripts, styles and tags dropped, entities decoded, whitespace collapsed.</summary>
    public static string FromHtml(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }

        var withoutCode = ScriptOrStyle().Replace(html, " ");
        var withoutTags = Tag().Replace(withoutCode, " ");
        return Collapse(WebUtility.HtmlDecode(withoutTags));
    }

    /// <summary>Runs of whitespace (and control characters) become one space; the ends are trimmed.</summary>
    public static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>At most <paramref name="max"/> characters, cut at a word when one is near and marked with "…".</summary>
    public static string Clamp(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text[..(max - 1)];
        var space = cut.LastIndexOf(' ');
        if (space > max / 2)
        {
            cut = cut[..space];
        }

        // Never end on half a surrogate pair.
        if (cut.Length > 0 && char.IsHighSurrogate(cut[^1]))
        {
            cut = cut[..^1];
        }

        return cut.TrimEnd() + "…";
    }

    [GeneratedRegex(@"<script\b[^>]*>.*?</script\s*>|<style\b[^>]*>.*?</style\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex("<[^>]*>?", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Tag();

    [GeneratedRegex(@"[\s\p{Cc}]+", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Whitespace();
}
