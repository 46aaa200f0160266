using System.Text.Json.Serialization;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Serialization;

/// <summary>How the stores keep a subscription as a JSON document.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    Converters = [typeof(SubscriptionIdJsonConverter), typeof(RegionJsonConverter)])]
[JsonSerializable(typeof(Subscription))]
public sealed partial class SubscriptionJsonContext : JsonSerializerContext;
