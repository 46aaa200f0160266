using System.Text.Json;
using System.Text.Json.Nodes;

namespace BorderAlertBot.Testing.FakeSlack;

/// <summary>
/// A button press on a message: the interactivity <c>block_actions</c> payload (user, channel, team, container with
/// message_ts, actions with action_id and value, response_url). <see cref="ToFormBody"/> is the HTTP body
/// (<c>payload=</c> JSON), <see cref="ToPayload"/> the Socket Mode payload.
/// </summary>
public sealed record SlackBlockActions
{
    public string TeamId { get; init; } = "T0ACME001";

    public string TeamDomain { get; init; } = "acme-ops";

    public string ChannelId { get; init; } = "C0ALERTS1";

    public string ChannelName { get; init; } = "prod-alerts";

    public string UserId { get; init; } = "U0JDOE001";

    public string UserName { get; init; } = "jdoe";

    public string ApiAppId { get; init; } = "A0BOT0001";

    public string MessageTs { get; init; } = "1767225600.000100";

    public string ActionId { get; init; } = "why";

    public string Value { get; init; } = string.Empty;

    public string BlockId { get; init; } = "alert_actions";

    public string ButtonText { get; init; } = "Why?";

    public string ActionTs { get; init; } = "1767225601.000200";

    public string ResponseUrl { get; init; } = "https://hooks.slack.com/actions/T0ACME001/5550002222/aBcDeF456";

    public string TriggerId { get; init; } = "5550002222.4440002222.0a1b2c3d4e5f";

    public JsonElement ToPayload() => JsonSerializer.SerializeToElement(new JsonObject
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = UserId, ["username"] = UserName, ["name"] = UserName, ["team_id"] = TeamId },
        ["api_app_id"] = ApiAppId,
        ["token"] = "OLDdeprecatedTOKEN",
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = MessageTs, ["channel_id"] = ChannelId, ["is_ephemeral"] = false },
        ["trigger_id"] = TriggerId,
        ["team"] = new JsonObject { ["id"] = TeamId, ["domain"] = TeamDomain },
        ["channel"] = new JsonObject { ["id"] = ChannelId, ["name"] = ChannelName },
        ["message"] = new JsonObject { ["type"] = "message", ["ts"] = MessageTs },
        ["response_url"] = ResponseUrl,
        ["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = ActionId,
            ["block_id"] = BlockId,
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = ButtonText },
            ["value"] = Value,
            ["action_ts"] = ActionTs,
        }),
    });

    /// <summary>The <c>application/x-www-form-urlencoded</c> body: <c>payload=</c> and the JSON percent-encoded.</summary>
    public string ToFormBody() => "payload=" + Uri.EscapeDataString(ToPayload().GetRawText());
}
