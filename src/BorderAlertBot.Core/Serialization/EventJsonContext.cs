using System.Text.Json.Serialization;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Serialization;

/// <summary>How the stores keep an event as a JSON document. Changing a property name here is a migration.</summary>
/// <remarks>
/// No <c>Converters</c> here: any would turn off the generated serialiser's fast path, which writes without the
/// reflection-style stack. <see cref="Domain.EventId"/> and <see cref="Domain.BorderPair"/> name their converters themselves.
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ConflictEvent))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
public sealed partial class EventJsonContext : JsonSerializerContext;
