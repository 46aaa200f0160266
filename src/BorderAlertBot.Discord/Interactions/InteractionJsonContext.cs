using System.Text.Json.Serialization;

namespace BorderAlertBot.Discord.Interactions;

/// <summary>Interactions in and responses out: Discord's snake_case, nulls left out, unknown fields ignored (Discord adds fields).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(MessageInteractionResponse))]
[JsonSerializable(typeof(AutocompleteInteractionResponse))]
[JsonSerializable(typeof(Dictionary<string, string>))]
public sealed partial class InteractionJsonContext : JsonSerializerContext;
