using System.Text;

namespace BorderAlertBot.Discord.Tests.Rendering;

/// <summary>
/// A small model of Discord's markdown for escaped text: a backslash before punctuation shows the punctuation (the escape
/// rule of simple-markdown, which Discord's parser is built on), and a zero-width space shows nothing.
/// </summary>
public static class DiscordShown
{
    private const string Markdown = "\\*_~`|>#-[]()<";

    /// <summary>The text a reader sees.</summary>
    public static string Text(string markdown)
    {
        var shown = new StringBuilder(markdown.Length);
        for (var i = 0; i < markdown.Length; i++)
        {
            if (markdown[i] == '\\' && i + 1 < markdown.Length && IsEscapable(markdown[i + 1]))
            {
                shown.Append(markdown[++i]);
            }
            else if (markdown[i] != '\u200B')
            {
                shown.Append(markdown[i]);
            }
        }

        return shown.ToString();
    }

    /// <summary>What in <paramref name="markdown"/> Discord could still read as markup: unescaped markdown characters, <c>@</c> that could mention, <c>://</c> that could link.</summary>
    public static IReadOnlyList<string> Live(string markdown)
    {
        var live = new List<string>();
        for (var i = 0; i < markdown.Length; i++)
        {
            var c = markdown[i];
            if (c == '\\' && i + 1 < markdown.Length && IsEscapable(markdown[i + 1]))
            {
                i++;
            }
            else if (Markdown.Contains(c))
            {
                live.Add($"'{c}' at {i}");
            }
            else if (c == '@' && (i + 1 >= markdown.Length || markdown[i + 1] != '\u200B'))
            {
                live.Add($"'@' at {i}");
            }
            else if (c == ':' && markdown.AsSpan(i).StartsWith("://"))
            {
                live.Add($"'://' at {i}");
            }
        }

        return live;
    }

    private static bool IsEscapable(char c) => !char.IsAsciiLetterOrDigit(c) && !char.IsWhiteSpace(c);
}
