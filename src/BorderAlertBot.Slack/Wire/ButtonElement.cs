using System.Text.Json.Serialization;

namespace BorderAlertBot.Slack.Wire;

/// <summary>A button: a <c>block_actions</c> payload comes back with its <c>action_id</c> and <c>value</c>.</summary>
public sealed record ButtonElement(TextObject Text, string ActionId, string Value)
{
    [JsonPropertyOrder(-1)]
    public string Type { get; init; } = "button";

    /// <summary><c>primary</c>, <c>danger</c>, or null for the default look.</summary>
    public string? Style { get; init; }
}
