using BorderAlertBot.Domain;

namespace BorderAlertBot.Ingestion.Acled;

/// <summary>
/// ACLED's <c>event_type</c> and <c>sub_event_type</c> (and, for strategic developments, the wording of the notes) to our
/// subtype, following data-sources.md §1.3; null means out of scope (protests, riots, violence against civilians, arrests…
/// are not what the bot alerts on). The legacy pre-2020 event types map like their successors.
/// </summary>
internal static class AcledEventTypes
{
    public static EventSubtype? Classify(string eventType, string subEventType, string notes)
    {
        var type = Key(eventType);
        var sub = Key(subEventType);
        return type switch
        {
            "battles" => sub is "government regains territory" or "non-state actor overtakes territory" ? EventSubtype.TerritorySeized : EventSubtype.ArmedClash,
            "battle-no change of territory" => EventSubtype.ArmedClash,
            "battle-government regains territory" or "battle-non-state actor overtakes territory" => EventSubtype.TerritorySeized,
            "explosions/remote violence" or "remote violence" => sub switch
            {
                "air/drone strike" => EventSubtype.AirStrike,
                "shelling/artillery/missile attack" => EventSubtype.Shelling,
                _ => EventSubtype.ArmedClash,
            },
            "strategic developments" or "strategic development" => Strategic(sub, notes),
            "non-violent transfer of territory" => EventSubtype.TerritorySeized,
            _ => null,
        };
    }

    private static EventSubtype? Strategic(string sub, string notes) => sub switch
    {
        "non-violent transfer of territory" => EventSubtype.TerritorySeized,
        "agreement" when AcledWording.MentionsCeasefire(notes) => EventSubtype.CeasefireAgreed,
        "agreement" when AcledWording.MentionsTradeGate(notes) => Trade(notes) ?? EventSubtype.CrossingReopened,
        "agreement" when AcledWording.MentionsTalks(notes) => EventSubtype.TalksHeld,
        "looting/property destruction" when AcledWording.MentionsTradeGate(notes) => Trade(notes) ?? EventSubtype.CargoDestroyed,
        "other" or "change to group/activity" when AcledWording.MentionsTradeGate(notes) => Trade(notes),
        "other" or "change to group/activity" when AcledWording.MentionsCeasefire(notes) =>
            AcledWording.SaysBroken(notes) ? EventSubtype.CeasefireBroken : EventSubtype.CeasefireCalled,
        _ => null,
    };

    /// <summary>The trade disruption the notes describe at a crossing, or null when they name no disruption.</summary>
    private static EventSubtype? Trade(string notes) =>
        AcledWording.SaysCargoDestroyed(notes) ? EventSubtype.CargoDestroyed
        : AcledWording.SaysReopened(notes) ? EventSubtype.CrossingReopened
        : AcledWording.SaysClosed(notes) ? EventSubtype.CrossingClosed
        : AcledWording.SaysBlocked(notes) ? EventSubtype.RouteBlocked
        : null;

    /// <summary>ACLED's few type names, lower-cased once each rather than once per row of a million-row import.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Keys = new(StringComparer.Ordinal);

    private static string Key(string text) =>
        Keys.TryGetValue(text, out var key) ? key
        : Keys.Count < 1_000 ? Keys.GetOrAdd(text, static name => name.Trim().ToLowerInvariant())
        : text.Trim().ToLowerInvariant();
}
