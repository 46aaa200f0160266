using System.Text.Json;
using System.Text.Json.Serialization;
using BorderAlertBot.Geography;

namespace BorderAlertBot.Serialization;

/// <summary>A region is stored as the text a user would type (MM, CN-MM, laiza~25km), read back with the bundled gazetteer.</summary>
public sealed class RegionJsonConverter : JsonConverter<Region>
{
    public override Region Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? string.Empty;
        return RegionParser.TryParse(text, Gazetteer.Bundled, out var region, out var error)
            ? region!
            : throw new JsonException($"Stored region '{text}' no longer parses: {error}");
    }

    public override void Write(Utf8JsonWriter writer, Region value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
