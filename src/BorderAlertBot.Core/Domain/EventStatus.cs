namespace BorderAlertBot.Domain;

/// <summary>
/// Pending → Verified or Rejected; Verified → Retracted; Pending or Verified → Merged (a report folded into another event)
/// and back (split). Every change is a new revision.
/// </summary>
public enum EventStatus
{
    Pending,
    Verified,
    Rejected,
    Retracted,

    /// <summary>A report of a happening another event stands for (<see cref="ConflictEvent.MergedInto"/>); split undoes it.</summary>
    Merged,
}
