using System.Globalization;
using System.Text.Json;

namespace BorderAlertBot.Benchmarks;

/// <summary>Writes a curated JSON file of realistic, varied, valid events (places, subtypes, figures, sources).</summary>
public static class CuratedFileGenerator
{
    private static readonly (string Place, string Admin1, double Lat, double Lon)[] Places =
    [
        ("Laukkai", "Shan-North", 23.6916, 98.7641), ("Chinshwehaw", "Shan-North", 23.494, 98.844), ("Muse", "Shan-North", 23.9933, 97.9103),
        ("Namhkan", "Shan-North", 23.8334, 97.6798), ("Laiza", "Kachin", 24.7561, 97.5505), ("Kutkai", "Shan-North", 23.4579, 97.938),
        ("Lashio", "Shan-North", 22.9359, 97.7498), ("Monekoe", "Shan-North", 24.1009, 98.3161), ("Kunlong", "Shan-North", 23.4073, 98.6445),
    ];

    private static readonly (string Kind, string Subtype)[] Types =
    [
        ("BorderClash", "ArmedClash"), ("BorderClash", "AirStrike"), ("BorderClash", "Shelling"), ("BorderClash", "TerritorySeized"),
        ("CeasefireCall", "CeasefireCalled"), ("CeasefireCall", "TalksHeld"), ("TradeDisruption", "CrossingClosed"), ("TradeDisruption", "CargoDestroyed"),
    ];

    public static void Write(string path, int count, int seed = 1027)
    {
        var random = new Random(seed);
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("curator", "benchmark");
        json.WriteStartArray("events");
        var start = new DateTime(2023, 10, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < count; i++)
        {
            var (place, admin1, lat, lon) = Places[random.Next(Places.Length)];
            var (kind, subtype) = Types[random.Next(Types.Length)];
            json.WriteStartObject();
            json.WriteString("id", $"evt_bench_{i.ToString(CultureInfo.InvariantCulture)}");
            json.WriteString("kind", kind);
            json.WriteString("subtype", subtype);
            json.WriteString("title", $"{subtype} reported near {place} ({i.ToString(CultureInfo.InvariantCulture)})");
            json.WriteString("summary", $"Local media reported {subtype.ToLowerInvariant()} near {place}, {admin1}, with residents describing damage and displacement.");
            json.WriteStartObject("occurred");
            json.WriteString("at", start.AddMinutes(random.Next(0, 180 * 24 * 60)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteEndObject();
            json.WriteStartObject("location");
            json.WriteString("country", "MM");
            json.WriteString("admin1", admin1);
            json.WriteString("place", place);
            json.WriteNumber("lat", lat);
            json.WriteNumber("lon", lon);
            json.WriteString("precision", "exact");
            json.WriteEndObject();
            json.WriteString("border", "CN-MM");
            json.WriteStartArray("actors");
            json.WriteStartObject();
            json.WriteString("name", "Military Forces of Myanmar (2021-)");
            json.WriteString("short", "Tatmadaw");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartArray("figures");
            json.WriteStartObject();
            json.WriteString("kind", "fatalities");
            json.WriteNumber("value", random.Next(0, 40));
            json.WriteString("reportedBy", "Local media");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartArray("sources");
            json.WriteStartObject();
            json.WriteString("name", "Example News");
            json.WriteString("url", $"https://news.example/{i.ToString(CultureInfo.InvariantCulture)}");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteString("status", "Verified");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
