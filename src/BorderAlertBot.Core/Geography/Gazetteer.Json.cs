using System.Globalization;
using System.Text.Json;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Geography;

/// <summary>Reading <c>gazetteer.json</c> (format: <c>Geography/Data/README.md</c>).</summary>
public sealed partial class Gazetteer
{
    /// <exception cref="BorderAlertBotException">The file is not a valid gazetteer.</exception>
    internal static Gazetteer Parse(ReadOnlyMemory<byte> utf8Json)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8Json);
            var entries = document.RootElement.GetProperty("places").EnumerateArray().Select(ReadEntry).ToList();
            return new Gazetteer(entries);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new BorderAlertBotException($"The gazetteer is not valid: {exception.Message}", exception);
        }
    }

    private static GazetteerEntry ReadEntry(JsonElement place)
    {
        var slug = place.GetProperty("slug").GetString() ?? string.Empty;
        if (!IsSlug(slug))
        {
            throw new FormatException($"'{slug}' is not a slug: lower-case ASCII letters and digits, words joined by hyphens.");
        }

        var lat = place.GetProperty("lat").GetDouble();
        var lon = place.GetProperty("lon").GetDouble();
        if (!GeoPoint.IsValid(lat, lon))
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{slug}: {lat}, {lon} is not a latitude and longitude."));
        }

        return new GazetteerEntry(
            slug,
            place.GetProperty("name").GetString() ?? slug,
            place.TryGetProperty("aliases", out var aliases) ? aliases.EnumerateArray().Select(alias => alias.GetString() ?? string.Empty).ToList() : [],
            place.GetProperty("country").GetString() ?? string.Empty,
            OptionalString(place, "admin1"),
            OptionalString(place, "admin3"),
            new GeoPoint(lat, lon),
            place.TryGetProperty("crossing", out var crossing) && crossing.GetBoolean())
        {
            IsApproximate = place.TryGetProperty("approximate", out var approximate) && approximate.GetBoolean(),
        };
    }

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool IsSlug(string slug) =>
        slug.Length > 0 && slug[0] != '-' && slug[^1] != '-' && !slug.Contains("--", StringComparison.Ordinal)
        && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
