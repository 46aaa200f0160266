using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Slack.Rest;

/// <summary>
/// Slack's Web API (platforms/slack.md §3): every call is a POST to <see cref="SlackOptions.ApiBaseUrl"/> + the method,
/// with <c>Authorization: Bearer</c> and the bot token; write methods as <c>application/json; charset=utf-8</c>, the
/// files and read methods form-encoded, as Slack's SDKs send them. Every call goes through the one rate limiter; answers
/// come back as <see cref="SlackResponse"/>s, never as exceptions for what Slack says (transport failures propagate, and
/// the dispatcher retries them). The token is only ever put in the header: never in a URL, a log or an error. The
/// endpoint groups (<see cref="SlackChatApi"/> and the others) build on it.
/// </summary>
public sealed class SlackApiClient(IHttpClientFactory httpClients, SlackRateLimiter limiter, SlackAuthState auth, IOptions<SlackOptions> options)
{
    /// <summary>The named <see cref="HttpClient"/> the calls use.</summary>
    public const string HttpClientName = "slack";

    /// <summary>The workspace the configured bot token belongs to: the key its limits and its stop are kept under.</summary>
    public const string Workspace = "bot";

    public Task<SlackResponse> PostJsonAsync(SlackMethod method, string? channel, JsonObject body, CancellationToken cancellationToken) =>
        CallAsync(method, channel, () => Json(body), cancellationToken);

    public Task<SlackResponse> PostFormAsync(SlackMethod method, string? channel, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken) =>
        CallAsync(method, channel, () => new FormUrlEncodedContent(fields), cancellationToken);

    /// <summary>
    /// Step 2 of an upload: the bytes to the <c>upload_url</c> Slack gave, as <c>application/octet-stream</c>. Not a Web
    /// API call: HTTP 200 is success, anything else a failure. The URL is pre-authorised, so no token goes with it.
    /// </summary>
    public async Task<SlackResponse> UploadAsync(Uri uploadUrl, byte[] bytes, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uploadUrl);
        request.Content = new ByteArrayContent(bytes);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new SlackResponse(response.StatusCode, body) { IsOk = response.StatusCode == HttpStatusCode.OK, RetryAfter = RetryAfter(response) };
    }

    /// <summary>
    /// A message to an incoming webhook (§7): its URL is its secret, so it is never logged and never part of an error;
    /// <paramref name="key"/> (a hash of it) is what its pace and its 429s are kept under.
    /// </summary>
    public Task<SlackResponse> PostWebhookAsync(Uri url, string key, JsonObject body, CancellationToken cancellationToken) =>
        limiter.SendAsync(new SlackCall(key, SlackMethod.IncomingWebhook, key), async ct =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Json(body) };
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, ct);
            var text = (await response.Content.ReadAsStringAsync(ct)).Trim();
            var ok = response.IsSuccessStatusCode && text == "ok";
            return new SlackResponse(response.StatusCode, text)
            {
                IsOk = ok,
                Error = ok ? null : WebhookError(response.StatusCode, text),
                RetryAfter = RetryAfter(response),
            };
        }, cancellationToken);

    private Task<SlackResponse> CallAsync(SlackMethod method, string? channel, Func<HttpContent> content, CancellationToken cancellationToken)
    {
        if (auth.Reason(Workspace) is { } reason)
        {
            return Task.FromResult(SlackResponse.HeldBack($"Slack traffic is stopped: the bot token was refused ({reason})", SlackAuthState.RetryAfter));
        }

        return limiter.SendAsync(new SlackCall(Workspace, method, channel), async ct =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, MethodUri(method));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.BotToken);
            request.Content = content();
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, ct);
            var answer = await ReadAsync(response, ct);
            if (StopsWorkspace(method, answer))
            {
                auth.Stop(Workspace, $"{method.Name}: {answer.Describe()}");
            }

            return answer;
        }, cancellationToken);
    }

    /// <summary>
    /// A refused token stops the workspace whatever the method; a missing scope only when it is the chat scope every alert
    /// needs (a missing <c>files:write</c> or <c>users:read</c> costs a chart or an admin check, not the alerts).
    /// </summary>
    private static bool StopsWorkspace(SlackMethod method, SlackResponse answer) =>
        answer.Error is { } error && SlackAuthState.StopCodes.Contains(error)
        && (error != "missing_scope" || method.Name.StartsWith("chat.", StringComparison.Ordinal));

    private Uri MethodUri(SlackMethod method) => new(options.Value.ApiBaseUrl.TrimEnd('/') + "/" + method.Name);

    private static StringContent Json(JsonObject body)
    {
        var content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");
        return content;
    }

    private static async Task<SlackResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var answer = new SlackResponse(response.StatusCode, body) { RetryAfter = RetryAfter(response) };
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's page, an empty 5xx): the status says enough.
            return response.StatusCode == HttpStatusCode.TooManyRequests ? answer with { Error = "ratelimited" } : answer;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return answer;
        }

        var messages = root.TryGetProperty("response_metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
            && metadata.TryGetProperty("messages", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!).ToList()
                : [];
        return answer with
        {
            Json = root,
            IsOk = response.IsSuccessStatusCode && root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True,
            Error = StringOf(root, "error") ?? (response.StatusCode == HttpStatusCode.TooManyRequests ? "ratelimited" : null),
            Warning = StringOf(root, "warning"),
            Needed = StringOf(root, "needed"),
            Messages = messages,
        };
    }

    private static string? StringOf(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A webhook's error: its plain-text code when it sent one that looks like a code, else the status.</summary>
    private static string? WebhookError(HttpStatusCode status, string text) =>
        text.Length is > 0 and <= 100 && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? text
            : status == HttpStatusCode.TooManyRequests ? "ratelimited" : null;

    /// <summary>Slack sends whole seconds (§5); a date form is ignored and the limiter's default pause applies.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter?.Delta;
}
