namespace BorderAlertBot.Slack.Rendering;

/// <summary>
/// Escaped text in pieces of at most a given length, for texts that are split rather than cut (a long paragraph, a list
/// of events): at line breaks where possible, else at spaces, else between units <see cref="SlackMrkdwn.Truncate"/>
/// would not cut apart, so no token, entity or surrogate pair is ever split.
/// </summary>
internal static class SlackTextSplitter
{
    public static List<string> Chunks(string text, int maxLength) => Pack(text.Split('\n'), maxLength);

    /// <summary>Lines joined with line breaks, as many to a piece as fit; a line longer than a piece is split first.</summary>
    public static List<string> Pack(IEnumerable<string> lines, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 16);
        var pieces = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var line in lines.SelectMany(line => Split(line, maxLength)))
        {
            if (current.Length > 0 && current.Length + 1 + line.Length > maxLength)
            {
                Flush();
            }

            if (current.Length > 0)
            {
                current.Append('\n');
            }

            current.Append(line);
        }

        Flush();
        return pieces;

        void Flush()
        {
            var piece = current.ToString().Trim();
            if (piece.Length > 0)
            {
                pieces.Add(piece);
            }

            current.Clear();
        }
    }

    private static IEnumerable<string> Split(string line, int maxLength)
    {
        var start = 0;
        while (line.Length - start > maxLength)
        {
            var end = start;
            var lastSpace = -1;
            while (end < line.Length)
            {
                var next = end + SlackMrkdwn.UnitLength(line, end);
                if (next - start > maxLength)
                {
                    break;
                }

                if (line[end] == ' ')
                {
                    lastSpace = end;
                }

                end = next;
            }

            if (end == start)
            {
                // A single unit longer than a piece (an overlong token we did not build): cut it as truncation would.
                yield return SlackMrkdwn.Truncate(line[start..], maxLength);
                yield break;
            }

            var cut = lastSpace > start + (maxLength / 2) ? lastSpace : end;
            yield return line[start..cut];
            start = cut;
            while (start < line.Length && line[start] == ' ')
            {
                start++;
            }
        }

        yield return line[start..];
    }
}
