using System.Text;

namespace BorderAlertBot.Store.Sqlite;

/// <summary>
/// Turns what a user typed into a safe FTS5 query: every word becomes a quoted prefix term and all must match,
/// so operators, quotes and column filters in user text are never interpreted.
/// </summary>
internal static class FullTextQuery
{
    public static string? From(string text)
    {
        var terms = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                terms.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            terms.Add(word.ToString());
        }

        return terms.Count == 0 ? null : string.Join(' ', terms.Take(16).Select(term => $"\"{term}\"*"));
    }
}
