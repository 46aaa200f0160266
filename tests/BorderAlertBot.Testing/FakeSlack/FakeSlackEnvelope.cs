using System.Text.Json;
using System.Text.Json.Nodes;

namespace BorderAlertBot.Testing.FakeSlack;

/// <summary>A Socket Mode envelope (§6 step 4) the test pushes to the bot.</summary>
public sealed record FakeSlackEnvelope(string EnvelopeId, string Type, JsonElement Payload, bool AcceptsResponsePayload)
{
    public int RetryAttempt { get; init; }

    public string? RetryReason { get; init; }

    /// <summary>A <c>slash_commands</c> envelope: the §1 form fields as a JSON object of strings; a reply payload is allowed.</summary>
    public static FakeSlackEnvelope SlashCommand(SlackSlashCommand command) =>
        new(Guid.NewGuid().ToString(), "slash_commands", command.ToPayload(), AcceptsResponsePayload: true);

    /// <summary>An <c>interactive</c> envelope carrying a <c>block_actions</c> payload.</summary>
    public static FakeSlackEnvelope Interactive(SlackBlockActions actions) =>
        new(Guid.NewGuid().ToString(), "interactive", actions.ToPayload(), AcceptsResponsePayload: false);

    internal string ToWire()
    {
        var wire = new JsonObject
        {
            ["envelope_id"] = EnvelopeId,
            ["type"] = Type,
            ["payload"] = JsonNode.Parse(Payload.GetRawText()),
            ["accepts_response_payload"] = AcceptsResponsePayload,
            ["retry_attempt"] = RetryAttempt,
        };
        if (RetryReason is not null)
        {
            wire["retry_reason"] = RetryReason;
        }

        return wire.ToJsonString();
    }
}
