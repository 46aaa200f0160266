using System.Text.Json.Serialization;
using BorderAlertBot.Digests;

namespace BorderAlertBot.Serialization;

/// <summary>How the stores keep a composed digest in the outbox until it is sent. Changing a property name here is a migration.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    Converters = [typeof(SubscriptionIdJsonConverter)])]
[JsonSerializable(typeof(DigestContent))]
public sealed partial class DigestJsonContext : JsonSerializerContext;
