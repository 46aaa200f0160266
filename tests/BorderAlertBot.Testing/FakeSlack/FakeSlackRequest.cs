using System.Text.Json;

namespace BorderAlertBot.Testing.FakeSlack;

/// <summary>
/// One request as the fake received it and what it answered. Tokens never appear here: the Authorization header is
/// left out of <see cref="Headers"/>, and the bot and app tokens (and any <c>token=</c> field) are masked in
/// <see cref="Body"/> and <see cref="Arguments"/>.
/// </summary>
public sealed record FakeSlackRequest
{
    /// <summary>The order in which the fake handled the request, from 1.</summary>
    public required long Sequence { get; init; }

    public required FakeSlackEndpointKind Endpoint { get; init; }

    /// <summary>The Web API method, e.g. <c>chat.postMessage</c>; null for uploads, webhooks and response URLs.</summary>
    public string? ApiMethod { get; init; }

    public required string HttpMethod { get; init; }

    public required string Path { get; init; }

    public string? ContentType { get; init; }

    /// <summary>The headers sent, without Authorization (names case-insensitive).</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>The body as UTF-8 text with tokens masked; empty for file uploads (see <see cref="BodyLength"/>).</summary>
    public required string Body { get; init; }

    public required int BodyLength { get; init; }

    /// <summary>The arguments as one JSON object (form fields as strings; <c>blocks</c> and <c>files</c> parsed), when they parsed.</summary>
    public JsonElement? Arguments { get; init; }

    /// <summary>The channel the request targets, when it names one.</summary>
    public string? Channel { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required int Status { get; init; }

    /// <summary>The <c>error</c> of an <c>ok:false</c> answer, or the text code of a failed webhook; null on success.</summary>
    public string? Error { get; init; }
}
