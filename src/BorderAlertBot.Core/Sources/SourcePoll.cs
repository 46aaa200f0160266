using BorderAlertBot.Curation;

namespace BorderAlertBot.Sources;

/// <summary>
/// What one poll found: the records to import (valid events, or the errors of the ones that could not be read), the
/// external ids the source withdrew (ACLED's deleted events), and the cursor to store once they are in. A source that
/// reads in pages returns one page with <paramref name="HasMore"/> set and is polled again at once.
/// </summary>
public sealed record SourcePoll(IReadOnlyList<ImportRecord> Records, IReadOnlyList<string> Withdrawn, string? Cursor, bool HasMore = false)
{
    /// <summary>Nothing new; the cursor stays where it was.</summary>
    public static SourcePoll Nothing(string? cursor) => new([], [], cursor);
}
