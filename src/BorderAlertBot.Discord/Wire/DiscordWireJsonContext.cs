using System.Text.Json.Serialization;

namespace BorderAlertBot.Discord.Wire;

/// <summary>Discord's JSON: snake_case, nulls left out (an absent field keeps its value on edits).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MessagePayload))]
[JsonSerializable(typeof(ThreadRequest))]
public sealed partial class DiscordWireJsonContext : JsonSerializerContext;
