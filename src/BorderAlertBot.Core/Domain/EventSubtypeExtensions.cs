namespace BorderAlertBot.Domain;

public static class EventSubtypeExtensions
{
    public static EventKind Kind(this EventSubtype subtype) => subtype switch
    {
        EventSubtype.ArmedClash or EventSubtype.AirStrike or EventSubtype.Shelling
            or EventSubtype.TerritorySeized or EventSubtype.CeasefireViolation => EventKind.BorderClash,
        EventSubtype.CeasefireCalled or EventSubtype.TalksHeld
            or EventSubtype.CeasefireAgreed or EventSubtype.CeasefireBroken => EventKind.CeasefireCall,
        EventSubtype.CrossingClosed or EventSubtype.CrossingReopened or EventSubtype.RouteBlocked
            or EventSubtype.CargoDestroyed or EventSubtype.SanctionImposed => EventKind.TradeDisruption,
        _ => throw new ArgumentOutOfRangeException(nameof(subtype), subtype, "Unknown subtype."),
    };

    public static IEnumerable<EventSubtype> SubtypesOf(EventKind kind) =>
        Enum.GetValues<EventSubtype>().Where(subtype => subtype.Kind() == kind);
}
