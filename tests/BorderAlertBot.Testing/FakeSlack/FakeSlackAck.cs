using System.Text.Json;

namespace BorderAlertBot.Testing.FakeSlack;

/// <summary>An acknowledgement the bot sent over a socket: <c>{"envelope_id", "payload"?}</c> (§6 step 5).</summary>
public sealed record FakeSlackAck(string ConnectionId, string EnvelopeId, JsonElement? Payload, DateTimeOffset ReceivedAt);
