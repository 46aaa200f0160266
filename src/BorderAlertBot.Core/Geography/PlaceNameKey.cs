using System.Text;

namespace BorderAlertBot.Geography;

/// <summary>
/// The form place names are compared in: lower case, accents removed, only letters and digits kept, so
/// "Chin Shwe Haw", "chinshwehaw" and "Chin-Shwe-Haw" are one name, and so are "Mong Ko" and "Möng Ko".
/// </summary>
internal static class PlaceNameKey
{
    public static string Of(string text)
    {
        // Normalising throws on a lone surrogate (broken text from a chat or a file): such a character is no letter anyway.
        var decomposed = WithoutLoneSurrogates(text).Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsLetterOrDigit(c))
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        return key.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string WithoutLoneSurrogates(string text)
    {
        var valid = true;
        for (var i = 0; i < text.Length && valid; i++)
        {
            valid = !char.IsSurrogate(text[i]) || (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[++i]));
        }

        if (valid)
        {
            return text;
        }

        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(text[i]).Append(text[++i]);
            }
            else if (!char.IsSurrogate(text[i]))
            {
                kept.Append(text[i]);
            }
        }

        return kept.ToString();
    }

    /// <summary>
    /// How far <paramref name="candidate"/> is from what was typed, for "did you mean": the edit distance, except that a
    /// longer candidate starting with 3 or more typed characters counts as one edit when <paramref name="allowPrefix"/>
    /// ("kyin" finds kyin-san-kyawt, "cease" finds ceasefire).
    /// </summary>
    public static int Closeness(string typed, string candidate, bool allowPrefix = true) =>
        allowPrefix && typed.Length >= 3 && candidate.Length > typed.Length && candidate.StartsWith(typed, StringComparison.Ordinal)
            ? 1
            : EditDistance(typed, candidate);

    /// <summary>Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps each cost 1.</summary>
    public static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
