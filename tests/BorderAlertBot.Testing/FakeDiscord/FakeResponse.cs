using System.Text.Json.Nodes;

namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>What the fake will answer: a status, an optional JSON body and headers.</summary>
internal sealed class FakeResponse(int status, JsonNode? body)
{
    public int Status { get; } = status;

    public JsonNode? Body { get; } = body;

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Set on a 429, for the counters.</summary>
    public TooManyRequestsKind? TooManyRequests { get; init; }

    /// <summary>When true, no X-RateLimit headers are added (an IP ban comes without them, §4).</summary>
    public bool IsHeaderless { get; init; }
}
