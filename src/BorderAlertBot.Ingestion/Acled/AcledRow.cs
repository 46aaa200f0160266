namespace BorderAlertBot.Ingestion.Acled;

/// <summary>
/// One ACLED row as text, by column name, whether it came from a CSV export (either layout) or the API's JSON: the
/// mapper reads only this, so both paths map alike. A column the input lacks is null.
/// </summary>
public sealed record AcledRow
{
    public string? EventIdCnty { get; init; }

    public string? EventDate { get; init; }

    public string? TimePrecision { get; init; }

    public string? EventType { get; init; }

    public string? SubEventType { get; init; }

    public string? Actor1 { get; init; }

    public string? AssocActor1 { get; init; }

    public string? Actor2 { get; init; }

    public string? AssocActor2 { get; init; }

    /// <summary>Text (<c>State forces</c>) in current exports, 0–8 in older ones; read but not needed for the mapping.</summary>
    public string? Inter1 { get; init; }

    public string? Inter2 { get; init; }

    public string? Interaction { get; init; }

    /// <summary>ISO 3166 numeric (<c>104</c>).</summary>
    public string? Iso { get; init; }

    /// <summary>ISO 3166 alpha-3 (<c>MMR</c>), older exports only.</summary>
    public string? Iso3 { get; init; }

    public string? Country { get; init; }

    public string? Admin1 { get; init; }

    public string? Admin2 { get; init; }

    public string? Admin3 { get; init; }

    public string? Location { get; init; }

    public string? Latitude { get; init; }

    public string? Longitude { get; init; }

    public string? GeoPrecision { get; init; }

    public string? Source { get; init; }

    public string? Notes { get; init; }

    public string? Fatalities { get; init; }

    /// <summary>Unix seconds of the row's last upload: what incremental sync follows.</summary>
    public string? Timestamp { get; init; }

    /// <summary>A row from its fields by ACLED column name (<c>event_id_cnty</c>…); <paramref name="field"/> gives null for a column the input lacks.</summary>
    public static AcledRow From(Func<string, string?> field) => new()
    {
        EventIdCnty = field("event_id_cnty"),
        EventDate = field("event_date"),
        TimePrecision = field("time_precision"),
        EventType = field("event_type"),
        SubEventType = field("sub_event_type"),
        Actor1 = field("actor1"),
        AssocActor1 = field("assoc_actor_1"),
        Actor2 = field("actor2"),
        AssocActor2 = field("assoc_actor_2"),
        Inter1 = field("inter1"),
        Inter2 = field("inter2"),
        Interaction = field("interaction"),
        Iso = field("iso"),
        Iso3 = field("iso3"),
        Country = field("country"),
        Admin1 = field("admin1"),
        Admin2 = field("admin2"),
        Admin3 = field("admin3"),
        Location = field("location"),
        Latitude = field("latitude"),
        Longitude = field("longitude"),
        GeoPrecision = field("geo_precision"),
        Source = field("source"),
        Notes = field("notes"),
        Fatalities = field("fatalities"),
        Timestamp = field("timestamp"),
    };
}
