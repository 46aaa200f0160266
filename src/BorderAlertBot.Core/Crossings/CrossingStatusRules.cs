using BorderAlertBot.Domain;
using BorderAlertBot.Geography;

namespace BorderAlertBot.Crossings;

/// <summary>
/// How trade disruptions at a crossing set its status: a closure closes it, a reopening opens it, and a blocked route,
/// destroyed cargo or a sanction restricts it unless it is closed. A closure holds until a reopening, because a route
/// blocked behind a closed gate does not make the gate any less closed.
/// </summary>
internal static class CrossingStatusRules
{
    /// <summary>The state after the events at the crossing, oldest first.</summary>
    public static CrossingState Decide(GazetteerEntry crossing, IEnumerable<ConflictEvent> oldestFirst)
    {
        var state = CrossingState.Unknown(crossing);
        foreach (var e in oldestFirst)
        {
            if (StatusAfter(state.Status, e.Subtype) is not { } status)
            {
                continue;
            }

            state = status == state.Status
                ? state with { LastEvent = e }
                : new CrossingState(crossing, status, e, e);
        }

        return state;
    }

    /// <summary>The status after an event of this subtype, or null when the subtype is not a trade disruption.</summary>
    public static CrossingStatus? StatusAfter(CrossingStatus current, EventSubtype subtype) => subtype switch
    {
        EventSubtype.CrossingClosed => CrossingStatus.Closed,
        EventSubtype.CrossingReopened => CrossingStatus.Open,
        EventSubtype.RouteBlocked or EventSubtype.CargoDestroyed or EventSubtype.SanctionImposed =>
            current == CrossingStatus.Closed ? CrossingStatus.Closed : CrossingStatus.Restricted,
        _ => null,
    };

    /// <summary>The board's order: closed first, then restricted, open, and unknown last.</summary>
    public static int Rank(CrossingStatus status) => status switch
    {
        CrossingStatus.Closed => 0,
        CrossingStatus.Restricted => 1,
        CrossingStatus.Open => 2,
        _ => 3,
    };
}
