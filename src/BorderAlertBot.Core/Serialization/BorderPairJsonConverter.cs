using System.Text.Json;
using System.Text.Json.Serialization;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Serialization;

public sealed class BorderPairJsonConverter : JsonConverter<BorderPair>
{
    public override BorderPair Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        BorderPair.TryParse(reader.GetString(), out var pair) ? pair : throw new JsonException("Not a border pair.");

    public override void Write(Utf8JsonWriter writer, BorderPair value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
