using BorderAlertBot.Domain;
using BorderAlertBot.Storage;

namespace BorderAlertBot.Store.Sqlite;

/// <summary>
/// What one committed event write hands the search index: the change-feed sequences it wrote, and the searchable text
/// of each event it wrote, in order.
/// </summary>
internal sealed record SearchBatch(long FirstSequence, long LastSequence, IReadOnlyList<SearchRow> Rows);

/// <summary>An event's searchable text under its row id in <c>events</c>; <paramref name="Replaces"/> when the row may have text already.</summary>
internal readonly record struct SearchRow(long RowId, bool Replaces, string? Title, string? Summary, string Place, string Actors)
{
    /// <summary>What search reads of <paramref name="conflictEvent"/> (<see cref="SearchableText"/>).</summary>
    public static SearchRow Of(long rowId, bool replaces, ConflictEvent conflictEvent) =>
        new(rowId, replaces, conflictEvent.Title, conflictEvent.Summary, SearchableText.Place(conflictEvent.Location), SearchableText.Actors(conflictEvent));
}
