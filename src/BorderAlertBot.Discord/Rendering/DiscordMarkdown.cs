using System.Text;

namespace BorderAlertBot.Discord.Rendering;

/// <summary>
/// Text from sources made literal for Discord markdown (ARCHITECTURE.md §13: it can never ping, link or format), and cut
/// to Discord's limits, which count Unicode code points after trimming (platforms/discord.md §3, §7.8).
/// </summary>
public static class DiscordMarkdown
{
    /// <summary>The longest URL we put in a link: Discord's limit for a link button, and it keeps a field value readable.</summary>
    public const int MaxLinkUrlLength = 512;

    private const string Ellipsis = "…";

    /// <summary>
    /// A backslash before each markdown character, so Discord shows the character itself (its escape rule takes any
    /// punctuation after a backslash); a zero-width space after <c>@</c>, so <c>@everyone</c> does not even look like a mention;
    /// control characters dropped (a tab becomes a space; line breaks stay);
    /// <c>://</c> as <c>\://</c>, so a bare URL is not linked; a list number's dot escaped. Bidi controls stay, but every
    /// embedding or isolate left open is closed at the end, so it cannot reorder what we write after it.
    /// A lone surrogate, which cannot be sent as JSON, becomes U+FFFD.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = EscapeCore(text);
        return escaped + BidiClosers(escaped); // Of what is shown: a dropped control character ends no paragraph.
    }

    /// <summary>
    /// Trimmed, then at most <paramref name="maxCodePoints"/> code points, ending with "…" when cut; never splits a
    /// surrogate pair.
    /// </summary>
    public static string Truncate(string text, int maxCodePoints)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCodePoints);
        var trimmed = text.Trim();
        if (DiscordLimits.Length(trimmed) <= maxCodePoints)
        {
            return ReplaceLoneSurrogates(trimmed);
        }

        if (maxCodePoints == 0)
        {
            return string.Empty;
        }

        var kept = new StringBuilder(trimmed.Length);
        var count = 0;
        foreach (var rune in trimmed.EnumerateRunes())
        {
            if (count++ == maxCodePoints - 1)
            {
                break;
            }

            kept.Append(rune.ToString());
        }

        return kept.ToString().TrimEnd() + Ellipsis;
    }

    /// <summary><see cref="Escape"/> and <see cref="Truncate"/> in one, with the bidi closers inside the limit.</summary>
    public static string Literal(string text, int maxCodePoints)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCodePoints);
        var escaped = EscapeCore(text.Trim());
        for (var room = maxCodePoints; room > 0; room--)
        {
            var cut = Truncate(escaped, room);
            var closers = BidiClosers(cut);
            if (DiscordLimits.Length(cut) + closers.Length <= maxCodePoints)
            {
                return cut + closers;
            }
        }

        return string.Empty;
    }

    /// <summary>
    /// <c>[name](url)</c> built by us: the name escaped, the URL only when it is http or https and not too long (else the
    /// name alone), with parentheses percent-encoded so the link cannot end early.
    /// </summary>
    public static string Link(string name, Uri url, int maxNameCodePoints = 100)
    {
        ArgumentNullException.ThrowIfNull(url);
        var text = Literal(name, maxNameCodePoints);
        if (text.Length == 0 && url.IsAbsoluteUri)
        {
            text = Literal(url.Host, maxNameCodePoints);
        }

        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return text;
        }

        var target = url.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal);
        return target.Length > MaxLinkUrlLength || text.Length == 0 ? text : $"[{text}]({target})";
    }

    private static string EscapeCore(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        var lineStart = true;
        var leadingDigits = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                escaped.Append(c).Append(text[++i]);
                lineStart = leadingDigits = false;
                continue;
            }

            switch (c)
            {
                case '\\' or '*' or '_' or '~' or '`' or '|' or '>' or '#' or '-' or '[' or ']' or '(' or ')' or '<':
                    escaped.Append('\\').Append(c);
                    break;
                case '+' when lineStart:
                case '.' when leadingDigits:
                case ':' when i + 2 < text.Length && text[i + 1] == '/' && text[i + 2] == '/':
                    escaped.Append('\\').Append(c);
                    break;
                case '@':
                    escaped.Append("@\u200B");
                    break;
                case '\n' or '\r':
                    escaped.Append(c);
                    lineStart = true;
                    leadingDigits = false;
                    continue;
                case '\t':
                    escaped.Append(' ');
                    break;
                case var control when char.IsControl(control):
                    continue; // NUL, BEL, ESC… would garble the message (or a terminal reading it): dropped.
                default:
                    escaped.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
                    break;
            }

            if (char.IsAsciiDigit(c) && (lineStart || leadingDigits))
            {
                leadingDigits = true;
                lineStart = false;
            }
            else if (!char.IsWhiteSpace(c))
            {
                lineStart = leadingDigits = false;
            }
        }

        return escaped.ToString();
    }

    /// <summary>PDF for each embedding or override still open at the end, PDI for each isolate (Unicode bidi algorithm, UAX #9).</summary>
    private static string BidiClosers(string text)
    {
        var open = new Stack<char>();
        foreach (var c in text)
        {
            switch (c)
            {
                case '\u202A' or '\u202B' or '\u202D' or '\u202E':
                    open.Push('\u202C');
                    break;
                case '\u2066' or '\u2067' or '\u2068':
                    open.Push('\u2069');
                    break;
                case '\u202C' when open.Count > 0 && open.Peek() == '\u202C':
                    open.Pop();
                    break;
                case '\u2069' when open.Contains('\u2069'):
                    while (open.Pop() != '\u2069')
                    {
                    }

                    break;
                case '\n' or '\r' or '\u0085' or '\u2029' or '\u001C' or '\u001D' or '\u001E':
                    open.Clear();
                    break;
            }
        }

        return open.Count == 0 ? string.Empty : new string([.. open]);
    }

    private static string ReplaceLoneSurrogates(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i]))
            {
                continue;
            }

            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            // EnumerateRunes yields U+FFFD for each lone surrogate.
            var runes = new StringBuilder(text.Length);
            foreach (var rune in text.EnumerateRunes())
            {
                runes.Append(rune.ToString());
            }

            return runes.ToString();
        }

        return text;
    }
}
