using BorderAlertBot.Storage;

namespace BorderAlertBot.Store.Sqlite;

/// <summary>
/// Turns what a user typed into a safe FTS5 query: every word (<see cref="SearchableText.Terms"/>) becomes a quoted
/// prefix term and all must match, so operators, quotes and column filters in user text are never interpreted.
/// </summary>
internal static class FullTextQuery
{
    public static string? From(string text)
    {
        var terms = SearchableText.Terms(text);
        return terms.Count == 0 ? null : string.Join(' ', terms.Select(term => $"\"{term}\"*"));
    }
}
