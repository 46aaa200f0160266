using System.Text.Json;
using System.Text.Json.Serialization;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Serialization;

public sealed class SubscriptionIdJsonConverter : JsonConverter<SubscriptionId>
{
    public override SubscriptionId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        SubscriptionId.TryParse(reader.GetString(), out var id) ? id : throw new JsonException("Not a subscription id.");

    public override void Write(Utf8JsonWriter writer, SubscriptionId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
