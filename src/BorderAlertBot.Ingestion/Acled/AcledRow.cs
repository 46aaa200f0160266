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

    /// <summary>The ACLED columns a row holds, in the order <see cref="From(Func{int, string?})"/> asks for them.</summary>
    public static IReadOnlyList<string> ColumnNames { get; } =
    [
        "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2",
        "assoc_actor_2", "inter1", "inter2", "interaction", "iso", "iso3", "country", "admin1", "admin2", "admin3", "location",
        "latitude", "longitude", "geo_precision", "source", "notes", "fatalities", "timestamp",
    ];

    /// <summary>A row from its fields by ACLED column name (<c>event_id_cnty</c>…); <paramref name="field"/> gives null for a column the input lacks.</summary>
    public static AcledRow From(Func<string, string?> field) => From(column => field(ColumnNames[column]));

    /// <summary>
    /// A row from its fields by their place in <see cref="ColumnNames"/>; <paramref name="field"/> gives null for a column
    /// the input lacks. A CSV reader maps those places to the file's columns once, not by name on every row.
    /// </summary>
    public static AcledRow From(Func<int, string?> field) => new()
    {
        EventIdCnty = field(0),
        EventDate = field(1),
        TimePrecision = field(2),
        EventType = field(3),
        SubEventType = field(4),
        Actor1 = field(5),
        AssocActor1 = field(6),
        Actor2 = field(7),
        AssocActor2 = field(8),
        Inter1 = field(9),
        Inter2 = field(10),
        Interaction = field(11),
        Iso = field(12),
        Iso3 = field(13),
        Country = field(14),
        Admin1 = field(15),
        Admin2 = field(16),
        Admin3 = field(17),
        Location = field(18),
        Latitude = field(19),
        Longitude = field(20),
        GeoPrecision = field(21),
        Source = field(22),
        Notes = field(23),
        Fatalities = field(24),
        Timestamp = field(25),
    };
}
