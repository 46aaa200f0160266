using System.Text.Json;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Geography;

/// <summary>Reading a <c>border-XX-YY.geojson</c> file (format: <c>Geography/Data/README.md</c>).</summary>
public sealed partial record BorderLine
{
    /// <summary>A GeoJSON Feature with a <c>pair</c> property and a LineString or MultiLineString geometry.</summary>
    /// <exception cref="BorderAlertBotException">The file is not such a feature.</exception>
    internal static BorderLine ParseGeoJson(ReadOnlyMemory<byte> utf8Json)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8Json);
            var root = document.RootElement;
            var pair = BorderPair.Parse(root.GetProperty("properties").GetProperty("pair").GetString() ?? string.Empty);
            var geometry = root.GetProperty("geometry");
            var coordinates = geometry.GetProperty("coordinates");
            var parts = geometry.GetProperty("type").GetString() switch
            {
                "LineString" => [ReadPart(coordinates)],
                "MultiLineString" => coordinates.EnumerateArray().Select(ReadPart).ToList(),
                var type => throw new FormatException($"A border is a LineString or MultiLineString, not {type}."),
            };
            return new BorderLine(pair, parts);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new BorderAlertBotException($"The border line is not valid GeoJSON: {exception.Message}", exception);
        }
    }

    // GeoJSON positions are [longitude, latitude].
    private static IReadOnlyList<GeoPoint> ReadPart(JsonElement line) =>
        line.EnumerateArray()
            .Select(position =>
            {
                var lon = position[0].GetDouble();
                var lat = position[1].GetDouble();
                return GeoPoint.IsValid(lat, lon) ? new GeoPoint(lat, lon) : throw new FormatException("A position is not a longitude and latitude.");
            })
            .ToList();
}
