using System.Text.Json.Serialization;

namespace BorderAlertBot.Domain;

/// <summary>Where an event happened. Coordinates count only at <see cref="LocationPrecision.Exact"/> or <see cref="LocationPrecision.Near"/>.</summary>
public sealed record Location(
    string CountryCode,
    string? Admin1,
    string? Admin2,
    string? Admin3,
    string? Place,
    GeoPoint? Point,
    LocationPrecision Precision)
{
    [JsonIgnore]
    public bool HasPreciseCoordinates => Point is not null && Precision is LocationPrecision.Exact or LocationPrecision.Near;

    public string Describe()
    {
        var parts = new[] { Place, Admin3 == Place ? null : Admin3, Admin1, CountryCode }
            .Where(part => !string.IsNullOrWhiteSpace(part))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        return string.Join(", ", parts);
    }
}
