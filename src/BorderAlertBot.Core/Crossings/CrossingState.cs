using BorderAlertBot.Domain;
using BorderAlertBot.Geography;

namespace BorderAlertBot.Crossings;

/// <summary>One row of the crossings board.</summary>
/// <param name="Crossing">The gazetteer entry, one with <see cref="GazetteerEntry.IsCrossing"/>.</param>
/// <param name="SetBy">The event that began the current status (the first of a run: a second closure report does not
/// move it); null when <see cref="CrossingStatus.Unknown"/>.</param>
/// <param name="LastEvent">The latest verified trade disruption at the crossing, of any subtype; it differs from
/// <paramref name="SetBy"/> when a later event did not change the status (a route blocked at a closed crossing).</param>
public sealed record CrossingState(GazetteerEntry Crossing, CrossingStatus Status, ConflictEvent? SetBy, ConflictEvent? LastEvent)
{
    /// <summary>When the status began: when <see cref="SetBy"/> occurred (its precision is in <c>SetBy.Occurred</c>).</summary>
    public DateTimeOffset? Since => SetBy?.Occurred.At;

    /// <summary>A crossing with nothing on record.</summary>
    public static CrossingState Unknown(GazetteerEntry crossing) => new(crossing, CrossingStatus.Unknown, null, null);
}
