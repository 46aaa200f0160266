using System.Text.RegularExpressions;
using BorderAlertBot.Domain;
using BorderAlertBot.Geography;

namespace BorderAlertBot.Ingestion.Feeds;

/// <summary>
/// Finds where a feed item is: the first gazetteer place it names (by name or alias, up to four words: "Chin Shwe Haw",
/// "105 Mile"), or, failing that, a mention of the Myanmar–China border itself ("the China-Myanmar border", a Chinese
/// gate town such as Ruili). A name must be capitalised in the text, so "muse" the verb is not Muse the town.
/// </summary>
internal sealed partial class FeedPlaces(Gazetteer gazetteer)
{
    private const int MaxWords = 4;

    public static readonly BorderPair ChinaMyanmar = BorderPair.Of("CN", "MM");

    /// <summary>The first gazetteer entry named in <paramref name="text"/>, or null.</summary>
    public GazetteerEntry? FirstPlace(string text)
    {
        var words = Word().Matches(text);
        for (var start = 0; start < words.Count; start++)
        {
            if (char.IsLower(words[start].Value[0]))
            {
                continue;
            }

            for (var count = Math.Min(MaxWords, words.Count - start); count >= 1; count--)
            {
                var last = words[start + count - 1];
                var phrase = text[words[start].Index..(last.Index + last.Length)];
                if (gazetteer.TryFind(phrase) is { } entry)
                {
                    return entry;
                }
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="text"/> speaks of the Myanmar–China border without naming a place we know.</summary>
    public static bool NamesTheBorder(string text) => BorderMention().IsMatch(text);

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Word();

    [GeneratedRegex(
        @"\b(?:(?:Myanmar|Burma|Burmese)\s*[-–—/]?\s*(?:China|Chinese)|(?:China|Chinese)\s*[-–—/]?\s*(?:Myanmar|Burma|Burmese))\s+(?:border|frontier)\b|\bborder with (?:China|Myanmar|Burma)\b|\bChinese border\b|\b(?:Ruili|Wanding|Nansan)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex BorderMention();
}
