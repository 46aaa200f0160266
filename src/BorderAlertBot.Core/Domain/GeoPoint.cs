namespace BorderAlertBot.Domain;

/// <summary>A WGS 84 point in degrees.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.GeoPointJsonConverter))]
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    public static bool IsValid(double latitude, double longitude) =>
        latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180
        && double.IsFinite(latitude) && double.IsFinite(longitude);
}
