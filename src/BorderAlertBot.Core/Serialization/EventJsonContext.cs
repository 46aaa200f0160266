using System.Text.Json.Serialization;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Serialization;

/// <summary>How the stores keep an event as a JSON document. Changing a property name here is a migration.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    Converters = [typeof(EventIdJsonConverter), typeof(BorderPairJsonConverter)])]
[JsonSerializable(typeof(ConflictEvent))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
public sealed partial class EventJsonContext : JsonSerializerContext;
