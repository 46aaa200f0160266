using System.Text.Json;
using BorderAlertBot.Serialization;

namespace BorderAlertBot.Slack.Inbound;

/// <summary>
/// A button pressed on one of our messages: a <c>block_actions</c> interaction payload (platforms/slack.md §1, §6),
/// reduced to what the handler acts on — who, where, which message, which action and its value, and where to answer.
/// </summary>
public sealed record BlockAction(string TeamId, string ChannelId, string UserId, string UserName, string? MessageTs, string ActionId, string Value, string? ResponseUrl)
{
    /// <summary>Reads a <c>block_actions</c> payload; null for any other interaction type or a payload without an action.</summary>
    public static BlockAction? From(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object || Text(payload, "type") != "block_actions"
            || !payload.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array || actions.GetArrayLength() == 0)
        {
            return null;
        }

        var action = actions[0];
        var user = Child(payload, "user");
        var channel = Child(payload, "channel");
        var container = Child(payload, "container");
        var channelId = Text(channel, "id") ?? Text(container, "channel_id");
        var userId = Text(user, "id");
        if (channelId is null || userId is null)
        {
            return null;
        }

        return new BlockAction(
            Text(Child(payload, "team"), "id") ?? string.Empty,
            channelId,
            userId,
            Text(user, "username") ?? Text(user, "name") ?? userId,
            Text(container, "message_ts"),
            Text(action, "action_id") ?? string.Empty,
            Text(action, "value") ?? string.Empty,
            Text(payload, "response_url"));
    }

    private static JsonElement Child(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child) ? child : default;

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? JsonStrings.Read(value) : null;
}
