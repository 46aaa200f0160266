using BorderAlertBot.Storage;

namespace BorderAlertBot.Store.Sqlite;

/// <summary>
/// What one committed event write hands the search index: the change-feed sequences it wrote, and the searchable text
/// of each event it wrote, in order.
/// </summary>
internal sealed record SearchBatch(long FirstSequence, long LastSequence, IReadOnlyList<SearchRow> Rows);

/// <summary>An event's searchable text under its row id in <c>events</c>; <paramref name="Replaces"/> when the row may have text already.</summary>
internal readonly record struct SearchRow(long RowId, bool Replaces, SearchableFields Fields);
