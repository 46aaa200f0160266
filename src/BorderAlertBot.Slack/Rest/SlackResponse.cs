using System.Globalization;
using System.Net;
using System.Text.Json;

namespace BorderAlertBot.Slack.Rest;

/// <summary>
/// What Slack answered (platforms/slack.md §3, §5, §7): the HTTP status, <c>ok</c>, the <c>error</c> code and the
/// <c>response_metadata.messages</c> that explain an <c>invalid_blocks</c>; a 429's <c>Retry-After</c>. Incoming
/// webhooks answer in plain text (<c>ok</c>, or the error code), read into the same fields.
/// </summary>
public sealed record SlackResponse(HttpStatusCode Status, string Body)
{
    /// <summary>HTTP 2xx and <c>ok: true</c> (or a webhook's <c>ok</c>).</summary>
    public bool IsOk { get; init; }

    /// <summary>Slack's error code: <c>channel_not_found</c>, <c>invalid_auth</c>, <c>ratelimited</c>…</summary>
    public string? Error { get; init; }

    /// <summary>The reply's <c>warning</c>, if any.</summary>
    public string? Warning { get; init; }

    /// <summary><c>response_metadata.messages</c>: what exactly was wrong with the payload.</summary>
    public IReadOnlyList<string> Messages { get; init; } = [];

    /// <summary>The scope a <c>missing_scope</c> reply says is needed.</summary>
    public string? Needed { get; init; }

    /// <summary>How long to wait, from a 429's <c>Retry-After</c>, or the limiter's own pause.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Not sent at all: the workspace is stopped (a rejected token) or the method is paused.</summary>
    public bool WasHeldBack { get; init; }

    /// <summary>The body as JSON, when it is JSON.</summary>
    public JsonElement? Json { get; init; }

    public static SlackResponse HeldBack(string reason, TimeSpan retryAfter) =>
        new(HttpStatusCode.ServiceUnavailable, string.Empty) { Error = reason, RetryAfter = retryAfter, WasHeldBack = true };

    /// <summary>A string property of the reply (<c>ts</c>, <c>channel</c>, <c>upload_url</c>…), or null.</summary>
    public string? Text(string name) =>
        Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>"channel_not_found", "HTTP 503", "missing_scope (needs files:write)" — for logs and pause reasons; never holds a token or URL.</summary>
    public string Describe()
    {
        if (WasHeldBack)
        {
            return Error ?? "held back";
        }

        var status = string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)Status}");
        return Error switch
        {
            null or "" => status,
            "missing_scope" when Needed is { Length: > 0 } needed => $"missing_scope (needs {needed})",
            { } error when (int)Status is < 200 or >= 300 => $"{status} {error}",
            { } error => error,
        };
    }
}
