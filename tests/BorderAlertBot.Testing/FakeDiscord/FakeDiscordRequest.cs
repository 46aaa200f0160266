using System.Text.Json;

namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>
/// One request as the fake received it, and the status it answered. <see cref="Payload"/> is the JSON body, or the
/// <c>payload_json</c> part of a multipart body; <see cref="Route"/> is the matched route template (null when none matched).
/// </summary>
public sealed record FakeDiscordRequest
{
    /// <summary>The order in which the fake handled the request, from 1.</summary>
    public required long Sequence { get; init; }

    public required string Method { get; init; }

    /// <summary>The path and query as sent, e.g. <c>/api/v10/webhooks/1/abc?wait=true</c>.</summary>
    public required string PathAndQuery { get; init; }

    /// <summary>The route template, e.g. <c>POST /channels/{channel_id}/messages</c>.</summary>
    public string? Route { get; init; }

    /// <summary>The request headers (names case-insensitive; repeated headers joined with ", ").</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public required ReadOnlyMemory<byte> Body { get; init; }

    public JsonElement? Payload { get; init; }

    public required IReadOnlyList<FakeDiscordFile> Files { get; init; }

    /// <summary>When the fake handled it, by the options' <see cref="FakeDiscordOptions.TimeProvider"/>.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The HTTP status the fake answered.</summary>
    public required int Status { get; init; }

    /// <summary>The value of header <paramref name="name"/>, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
