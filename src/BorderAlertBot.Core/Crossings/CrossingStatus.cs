namespace BorderAlertBot.Crossings;

/// <summary>Where a border-trade crossing stands, as far as the verified trade disruptions on record say.</summary>
public enum CrossingStatus
{
    /// <summary>Reopened: the last status-setting event was a <c>CrossingReopened</c>.</summary>
    Open,

    /// <summary>Closed, until a reopening: a blocked route or burned cargo at a closed crossing leaves it closed.</summary>
    Closed,

    /// <summary>Trade is hampered but the crossing was not reported closed: a blocked route, destroyed cargo or a sanction.</summary>
    Restricted,

    /// <summary>No verified trade disruption at the crossing on record in the board's window.</summary>
    Unknown,
}
