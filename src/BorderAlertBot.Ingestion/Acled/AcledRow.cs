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
}
