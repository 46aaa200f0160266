using System.Text.Json.Serialization;

namespace BorderAlertBot.Slack.Wire;

/// <summary>Slack's JSON: snake_case, nulls left out.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SlackMessage))]
[JsonSerializable(typeof(Block))]
[JsonSerializable(typeof(IReadOnlyList<Block>))]
public sealed partial class SlackWireJsonContext : JsonSerializerContext;
