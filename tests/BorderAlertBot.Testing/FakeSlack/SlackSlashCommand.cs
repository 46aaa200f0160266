using System.Text.Json;
using System.Text.Json.Nodes;

namespace BorderAlertBot.Testing.FakeSlack;

/// <summary>
/// A slash-command invocation (§1) with the values of the fact sheet's Example 1 as defaults; change what a test needs
/// with <c>with</c>. <see cref="ToFormBody"/> is the HTTP body, <see cref="ToPayload"/> the Socket Mode payload.
/// </summary>
public sealed record SlackSlashCommand
{
    public string Token { get; init; } = "OLDdeprecatedTOKEN";

    public string TeamId { get; init; } = "T0ACME001";

    public string TeamDomain { get; init; } = "acme-ops";

    public string? EnterpriseId { get; init; }

    public string ChannelId { get; init; } = "C0ALERTS1";

    public string ChannelName { get; init; } = "prod-alerts";

    public string UserId { get; init; } = "U0JDOE001";

    public string UserName { get; init; } = "jdoe";

    public string Command { get; init; } = "/alerts";

    public string Text { get; init; } = string.Empty;

    public string ApiAppId { get; init; } = "A0BOT0001";

    public string ResponseUrl { get; init; } = "https://hooks.slack.com/commands/T0ACME001/5550001111/xYzAbC123";

    public string TriggerId { get; init; } = "5550001111.4440002222.9f8e7d6c5b4a";

    /// <summary>The fields in Slack's order (Example 1).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields()
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("token", Token),
            new("team_id", TeamId),
            new("team_domain", TeamDomain),
        };
        if (EnterpriseId is not null)
        {
            fields.Add(new("enterprise_id", EnterpriseId));
        }

        fields.AddRange(
        [
            new("channel_id", ChannelId),
            new("channel_name", ChannelName),
            new("user_id", UserId),
            new("user_name", UserName),
            new("command", Command),
            new("text", Text),
            new("api_app_id", ApiAppId),
            new("response_url", ResponseUrl),
            new("trigger_id", TriggerId),
        ]);
        return fields;
    }

    /// <summary>The <c>application/x-www-form-urlencoded</c> body, one line, percent-encoded as Example 1.</summary>
    public string ToFormBody() => string.Join('&', Fields().Select(f => f.Key + "=" + Uri.EscapeDataString(f.Value)));

    /// <summary>The same fields as a JSON object of strings (§6 step 4).</summary>
    public JsonElement ToPayload()
    {
        var payload = new JsonObject();
        foreach (var (name, value) in Fields())
        {
            payload[name] = value;
        }

        return JsonSerializer.SerializeToElement(payload);
    }
}
