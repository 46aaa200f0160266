using System.Globalization;
using System.Text;
using BorderAlertBot.Domain;
using BorderAlertBot.Storage;

namespace BorderAlertBot.Store.Postgres;

/// <summary>
/// Full-text search text for PostgreSQL's 'simple' configuration: folded to lower case without diacritics on both sides
/// (what the event says, what the user typed), as FTS5's unicode61 tokenizer with remove_diacritics does for SQLite.
/// </summary>
internal static class SearchFolding
{
    /// <summary>What the tsvector of an event is made from.</summary>
    public static string Document(ConflictEvent conflictEvent) =>
        Fold(string.Join(" ; ", conflictEvent.Title, conflictEvent.Summary, SearchableText.Place(conflictEvent.Location), SearchableText.Actors(conflictEvent)));

    /// <summary>A tsquery in which every word of the user's text must match as a word prefix; null when the text has no word.</summary>
    public static string? Query(string text)
    {
        var terms = SearchableText.Terms(text);
        return terms.Count == 0 ? null : string.Join(" & ", terms.Select(term => Fold(term) + ":*"));
    }

    private static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }
}
