using System.Text.Json;
using System.Text.Json.Serialization;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Serialization;

/// <summary>
/// A point as <c>{"latitude":…,"longitude":…}</c>, as the generated serialiser writes a record of that shape, written
/// directly: a location's point is optional, and the generated serialiser writes an optional struct the slow way, with
/// a stack of its own (some 300 bytes) for every event it serialises. Unknown properties are skipped and a missing
/// coordinate reads as 0, as the generated reader did.
/// </summary>
public sealed class GeoPointJsonConverter : JsonConverter<GeoPoint>
{
    public override GeoPoint Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A point is an object with a latitude and a longitude.");
        }

        var (latitude, longitude) = (0d, 0d);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isLatitude = reader.ValueTextEquals("latitude"u8);
            var isLongitude = !isLatitude && reader.ValueTextEquals("longitude"u8);
            reader.Read();
            if (isLatitude)
            {
                latitude = reader.GetDouble();
            }
            else if (isLongitude)
            {
                longitude = reader.GetDouble();
            }
            else
            {
                reader.Skip();
            }
        }

        return new GeoPoint(latitude, longitude);
    }

    public override void Write(Utf8JsonWriter writer, GeoPoint value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber("latitude"u8, value.Latitude);
        writer.WriteNumber("longitude"u8, value.Longitude);
        writer.WriteEndObject();
    }
}
