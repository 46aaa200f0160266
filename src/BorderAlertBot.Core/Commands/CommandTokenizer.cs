using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace BorderAlertBot.Commands;

/// <summary>
/// Splits Slack-style text into words: whitespace separates, double quotes (also Slack's curly “ ”) keep spaces in a
/// word, and <c>key:value</c> is a pair when the key is a plain name (so <c>07:30</c> and <c>"a:b"</c> stay words).
/// </summary>
internal static class CommandTokenizer
{
    public static bool TryTokenize(string text, [NotNullWhen(true)] out List<CommandWord>? words, [NotNullWhen(false)] out CommandError? error)
    {
        words = [];
        error = null;
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            if (!TryReadWord(text, ref i, out var word, out error))
            {
                words = null;
                return false;
            }

            words.Add(word);
        }

        // "kind: clash" reads as kind:clash: a key with nothing after it takes the next plain word.
        for (var w = words.Count - 2; w >= 0; w--)
        {
            if (words[w] is { Key: not null, Value.Length: 0, Quoted: false } && words[w + 1].Key is null)
            {
                words[w] = words[w] with { Value = words[w + 1].Value };
                words.RemoveAt(w + 1);
            }
        }

        return true;
    }

    private static bool TryReadWord(string text, ref int i, out CommandWord word, [NotNullWhen(false)] out CommandError? error)
    {
        var current = new StringBuilder();
        string? key = null;
        var quoted = false;
        while (i < text.Length && !char.IsWhiteSpace(text[i]))
        {
            var c = text[i];
            if (IsQuote(c))
            {
                var close = IndexOfQuote(text, i + 1);
                if (close < 0)
                {
                    word = default;
                    error = new CommandError("input", "input: a quote is not closed; end the quoted words with \"");
                    return false;
                }

                current.Append(text, i + 1, close - i - 1);
                quoted = true;
                i = close + 1;
            }
            else if (c == ':' && key is null && !quoted && IsKey(current))
            {
                key = current.ToString();
                current.Clear();
                i++;
            }
            else
            {
                current.Append(c);
                i++;
            }
        }

        word = new CommandWord(key?.ToLowerInvariant(), current.ToString(), quoted);
        error = null;
        return true;
    }

    private static bool IsQuote(char c) => c is '"' or '\u201C' or '\u201D';

    private static int IndexOfQuote(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (IsQuote(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    // A key is a plain name: a letter, then letters, digits, '-' or '_' (min-severity, verified_only).
    private static bool IsKey(StringBuilder text)
    {
        if (text.Length is 0 or > 32 || !char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        for (var i = 1; i < text.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(text[i]) && text[i] is not ('-' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
