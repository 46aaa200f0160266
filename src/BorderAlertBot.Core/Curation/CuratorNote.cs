using System.Globalization;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Curation;

/// <summary>The line a candidate's message in the curators' channel carries once it is decided.</summary>
public static class CuratorNote
{
    public static IReadOnlyList<string> For(ConflictEvent conflictEvent) => conflictEvent.Status switch
    {
        EventStatus.Verified => [Decided("Approved: verified", conflictEvent)],
        EventStatus.Rejected or EventStatus.Retracted or EventStatus.Merged => [Decided($"{conflictEvent.Status}", conflictEvent)],
        _ => [],
    };

    private static string Decided(string what, ConflictEvent conflictEvent) =>
        string.Create(CultureInfo.InvariantCulture, $"{what} (revision {conflictEvent.Revision.Number}, by {conflictEvent.Revision.By})");
}
