namespace BorderAlertBot.Domain;

/// <summary>The finer type of an event; each subtype belongs to exactly one <see cref="EventKind"/>.</summary>
public enum EventSubtype
{
    ArmedClash,
    AirStrike,
    Shelling,
    TerritorySeized,
    CeasefireViolation,
    CeasefireCalled,
    TalksHeld,
    CeasefireAgreed,
    CeasefireBroken,
    CrossingClosed,
    CrossingReopened,
    RouteBlocked,
    CargoDestroyed,
    SanctionImposed,
}
