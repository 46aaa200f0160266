using System.Globalization;
using System.Text;

namespace BorderAlertBot.Slack.Rendering;

/// <summary>
/// Text from sources made literal for Slack (platforms/slack.md §4, ARCHITECTURE.md §13): <c>&amp;</c>, <c>&lt;</c>
/// and <c>&gt;</c> become entities, so source text can never make a mention (<c>&lt;!channel&gt;</c>, <c>&lt;@U…&gt;</c>,
/// <c>&lt;!subteam^…&gt;</c>), a link, a date or a quote; every <c>&lt;…&gt;</c> token in our messages is built here.
/// In <c>mrkdwn</c> the style characters <c>* _ ~ `</c> get a zero-width space on each side, so they cannot open or
/// close bold, italic, strike or code whichever way Slack classes that space. Control characters go (a tab or a line
/// separator becomes a space or a line break), and so do bidi embeddings, overrides and isolates, so source text cannot
/// reorder what we write after it. A lone surrogate becomes U+FFFD. Lengths are UTF-16 code units.
/// </summary>
public static class SlackMrkdwn
{
    public const string Ellipsis = "…";

    /// <summary>The longest URL we link (ours): a longer one is shown as its label only.</summary>
    public const int MaxUrlLength = 1000;

    /// <summary>What a reader sees for an exact time: a short date and the time, in their own zone and clock format.</summary>
    public const string DateTimeTokens = "{date_short_pretty} {time}";

    private const char ZeroWidthSpace = '\u200B';
    private const string StyleCharacters = "*_~`";

    /// <summary>Escaped <c>mrkdwn</c>, line breaks kept.</summary>
    public static string Escape(string text) => Clean(text, style: true, singleLine: false);

    /// <summary>Escaped <c>mrkdwn</c> on one line: line breaks become spaces.</summary>
    public static string EscapeLine(string text) => Clean(text, style: true, singleLine: true);

    /// <summary>
    /// Escaped for <c>plain_text</c> (a header, a button): the same entities (§4 asks for them in every text object) and
    /// the same clean-up, on one line, but no style neutralising, as plain text shows no styles.
    /// </summary>
    public static string EscapePlain(string text) => Clean(text, style: false, singleLine: true);

    /// <summary><see cref="Escape"/> of the trimmed text, then <see cref="Truncate"/>.</summary>
    public static string Literal(string text, int maxLength) => Truncate(Escape(text?.Trim() ?? string.Empty), maxLength);

    /// <summary><see cref="EscapeLine"/> of the trimmed text, then <see cref="Truncate"/>.</summary>
    public static string LiteralLine(string text, int maxLength) => Truncate(EscapeLine(text?.Trim() ?? string.Empty), maxLength);

    /// <summary><see cref="EscapePlain"/> of the trimmed text, then <see cref="Truncate"/>.</summary>
    public static string Plain(string text, int maxLength) => Truncate(EscapePlain(text?.Trim() ?? string.Empty), maxLength);

    /// <summary>
    /// Escaped or built text cut to at most <paramref name="maxLength"/> UTF-16 code units, ending with "…" when cut. Never
    /// cuts inside a <c>&lt;…&gt;</c> token, an entity, a neutralised style character or a surrogate pair.
    /// </summary>
    public static string Truncate(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        if (text.Length <= maxLength)
        {
            return text;
        }

        if (maxLength == 0)
        {
            return string.Empty;
        }

        var end = 0;
        while (end < text.Length)
        {
            var next = end + UnitLength(text, end);
            if (next > maxLength - Ellipsis.Length)
            {
                break;
            }

            end = next;
        }

        return text[..end].TrimEnd() + Ellipsis;
    }

    /// <summary>
    /// <c>&lt;url|label&gt;</c> built by us: the label escaped on one line (the URL's host when empty), the URL only when
    /// it is absolute http or https and at most <see cref="MaxUrlLength"/>, with <c>&amp;</c> as an entity and <c>|</c>,
    /// <c>&lt;</c>, <c>&gt;</c> percent-encoded so the link cannot end early. Otherwise the label alone.
    /// </summary>
    public static string Link(Uri url, string label, int maxLabelLength = 100)
    {
        ArgumentNullException.ThrowIfNull(url);
        var text = LiteralLine(label ?? string.Empty, maxLabelLength);
        if (text.Length == 0 && url.IsAbsoluteUri)
        {
            text = LiteralLine(url.Host, maxLabelLength);
        }

        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || text.Length == 0)
        {
            return text;
        }

        var target = new StringBuilder(url.AbsoluteUri.Length + 8);
        foreach (var c in url.AbsoluteUri)
        {
            target.Append(c switch
            {
                '&' => "&amp;",
                '|' => "%7C",
                '<' => "%3C",
                '>' => "%3E",
                _ when char.IsControl(c) || char.IsWhiteSpace(c) => Uri.HexEscape(c),
                _ => c.ToString(),
            });
        }

        return target.Length > MaxUrlLength ? text : $"<{target}|{text}>";
    }

    /// <summary>
    /// <c>&lt;!date^unix^{date_short_pretty} {time}|2024-01-05 14:30 UTC&gt;</c>: the reader's own zone and clock format,
    /// and the UTC time, marked so, where the client cannot show the token.
    /// Before 1970 (an unsaved revision's <see cref="DateTimeOffset.MinValue"/>) it is the UTC text alone.
    /// </summary>
    public static string Date(DateTimeOffset at)
    {
        var utc = string.Create(CultureInfo.InvariantCulture, $"{at.ToUniversalTime():yyyy-MM-dd HH:mm} UTC");
        var unix = at.ToUnixTimeSeconds();
        return unix < 0 ? utc : string.Create(CultureInfo.InvariantCulture, $"<!date^{unix}^{DateTimeTokens}|{utc}>");
    }

    private static string Clean(string text, bool style, bool singleLine)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
                continue;
            }

            switch (c)
            {
                case '&':
                    clean.Append("&amp;");
                    break;
                case '<':
                    clean.Append("&lt;");
                    break;
                case '>':
                    clean.Append("&gt;");
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\n' or '\r' or '\u2028' or '\u2029' or '\u0085':
                    clean.Append(singleLine ? ' ' : '\n');
                    break;
                case '\t' or '\v' or '\f':
                    clean.Append(' ');
                    break;
                case >= '\u202A' and <= '\u202E':
                case >= '\u2066' and <= '\u2069':
                    break;
                case ZeroWidthSpace:
                    break;
                case '\uFEFF':
                    break;
                case var _ when char.IsSurrogate(c):
                    clean.Append('\uFFFD');
                    break;
                case var _ when char.IsControl(c):
                    break;
                case var _ when style && StyleCharacters.Contains(c, StringComparison.Ordinal):
                    clean.Append(ZeroWidthSpace).Append(c).Append(ZeroWidthSpace);
                    break;
                default:
                    clean.Append(c);
                    break;
            }
        }

        return clean.ToString();
    }

    /// <summary>How many code units from <paramref name="i"/> belong together and may not be cut apart.</summary>
    internal static int UnitLength(string text, int i)
    {
        var c = text[i];
        if (c == '<')
        {
            var close = text.IndexOf('>', i);
            return close < 0 ? text.Length - i : close - i + 1;
        }

        if (c == '&')
        {
            var semicolon = text.IndexOf(';', i, Math.Min(8, text.Length - i));
            return semicolon < 0 ? 1 : semicolon - i + 1;
        }

        if (c == ZeroWidthSpace && i + 2 < text.Length && StyleCharacters.Contains(text[i + 1], StringComparison.Ordinal) && text[i + 2] == ZeroWidthSpace)
        {
            return 3;
        }

        return char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
    }
}
