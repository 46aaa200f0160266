namespace BorderAlertBot.Discord.Rendering;

/// <summary>
/// Escaped text in pieces of at most so many code points, for descriptions continued in the next embed: split at a line
/// break or else a space in the second half of a piece, never inside a surrogate pair, between a backslash and what it
/// escapes, or between <c>@</c> and its zero-width space.
/// </summary>
internal static class MarkdownSplitter
{
    public static IEnumerable<string> Split(string text, int maxCodePoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCodePoints, 2);
        var rest = text.Trim();
        while (rest.Length > 0)
        {
            if (DiscordLimits.Length(rest) <= maxCodePoints)
            {
                yield return rest;
                yield break;
            }

            var end = IndexAfter(rest, maxCodePoints);
            var cut = rest.LastIndexOf('\n', end - 1, end / 2);
            cut = cut > 0 ? cut : rest.LastIndexOf(' ', end - 1, end / 2);
            cut = cut > 0 ? cut : SafeCut(rest, end);
            var piece = rest[..cut].TrimEnd();
            rest = rest[cut..].TrimStart();
            if (piece.Length > 0)
            {
                yield return piece;
            }
        }
    }

    /// <summary>The index just after the first <paramref name="codePoints"/> code points.</summary>
    private static int IndexAfter(string text, int codePoints)
    {
        var index = 0;
        for (var n = 0; n < codePoints && index < text.Length; n++)
        {
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        }

        return index;
    }

    /// <summary>Moves a cut at <paramref name="end"/> back until it splits nothing that belongs together.</summary>
    private static int SafeCut(string text, int end)
    {
        var cut = end;
        while (cut > 1)
        {
            var backslashes = 0;
            while (backslashes < cut && text[cut - 1 - backslashes] == '\\')
            {
                backslashes++;
            }

            var splitsEscape = backslashes % 2 == 1;
            var splitsPair = char.IsLowSurrogate(text[cut]) && char.IsHighSurrogate(text[cut - 1]);
            var splitsAt = text[cut] == '\u200B' && text[cut - 1] == '@';
            if (!splitsEscape && !splitsPair && !splitsAt)
            {
                return cut;
            }

            cut--;
        }

        return cut;
    }
}
