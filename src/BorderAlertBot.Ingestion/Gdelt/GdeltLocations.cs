using BorderAlertBot.Domain;

namespace BorderAlertBot.Ingestion.Gdelt;

/// <summary>
/// GDELT's action geography as a location with honest precision (data-sources.md §4.3): a world city or landmark (type
/// 4) is a point near the place; an ADM1 match (type 5) is the region only and a country match (type 1) the country
/// only, both without coordinates, because GDELT puts those on a centroid (Myanmar's 22.0, 98.0 lies in Shan State near
/// the border) that must never be measured against the border line.
/// </summary>
internal static class GdeltLocations
{
    public static Location? Of(GdeltGeo geo, FipsCountry? country)
    {
        if (country is null)
        {
            return null;
        }

        // "City, ADM1, Country"; an ADM1 match reads "ADM1, Country"; a country match just "Country".
        var parts = geo.FullName.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        switch (geo.Type)
        {
            case 4 or 3:
                var place = parts.Length > 0 ? parts[0] : null;
                var admin1 = parts.Length >= 3 ? parts[1] : null;
                return geo is { Latitude: { } lat, Longitude: { } lon } && GeoPoint.IsValid(lat, lon)
                    ? new Location(country.Iso, admin1, null, null, place, new GeoPoint(lat, lon), LocationPrecision.Near)
                    : new Location(country.Iso, admin1, null, null, place, null, LocationPrecision.Region);
            case 5 or 2:
                return new Location(country.Iso, parts.Length >= 2 ? parts[0] : null, null, null, null, null, LocationPrecision.Region);
            default:
                return new Location(country.Iso, null, null, null, null, null, LocationPrecision.Country);
        }
    }
}
