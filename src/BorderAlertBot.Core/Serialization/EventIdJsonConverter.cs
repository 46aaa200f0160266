using System.Text.Json;
using System.Text.Json.Serialization;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Serialization;

public sealed class EventIdJsonConverter : JsonConverter<EventId>
{
    public override EventId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        EventId.TryParse(reader.GetString(), out var id) ? id : throw new JsonException("Not an event id.");

    public override void Write(Utf8JsonWriter writer, EventId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
