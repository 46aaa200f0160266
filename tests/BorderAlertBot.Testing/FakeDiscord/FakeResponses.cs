using System.Globalization;
using System.Text.Json.Nodes;

namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>Discord's response bodies (§0 error body, §4 rate-limit bodies, §5 codes).</summary>
internal static class FakeResponses
{
    public static FakeResponse Json(int status, JsonNode body) => new(status, body);

    public static FakeResponse NoContent() => new(204, null);

    /// <summary><c>{"code": …, "message": …}</c>, Discord's error body.</summary>
    public static FakeResponse Error(int status, int code, string message) =>
        new(status, new JsonObject { ["message"] = message, ["code"] = code });

    /// <summary>400, code 50035 "Invalid Form Body" with the nested <c>errors</c> tree naming each field.</summary>
    public static FakeResponse InvalidFormBody(ValidationErrors errors) =>
        new(400, new JsonObject { ["code"] = 50035, ["message"] = "Invalid Form Body", ["errors"] = errors.ToJson() });

    public static FakeResponse InvalidFormBody(string path, string code, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(path, code, message);
        return InvalidFormBody(errors);
    }

    public static FakeResponse Unauthorized() => Error(401, 0, "401: Unauthorized");

    /// <summary>Cloudflare's answer to a request without a DiscordBot User-Agent (api-docs#6473).</summary>
    public static FakeResponse BadUserAgent() => Error(403, 40333, "internal network error");

    public static FakeResponse NotFound() => Error(404, 0, "404: Not Found");

    public static FakeResponse UnknownMessage() => Error(404, 10008, "Unknown Message");

    public static FakeResponse UnknownWebhook() => Error(404, 10015, "Unknown Webhook");

    public static FakeResponse InvalidWebhookToken() => Error(401, 50027, "Invalid Webhook Token");

    public static FakeResponse EmptyMessage() => Error(400, 50006, "Cannot send an empty message");

    public static FakeResponse InvalidJson() => Error(400, 50109, "The request body contains invalid JSON.");

    public static FakeResponse ContentTypeInvalid() =>
        InvalidFormBody("", "CONTENT_TYPE_INVALID", "Expected \"Content-Type\" header to be one of {'application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'}.");

    /// <summary>A route bucket is exhausted: 429, scope <c>user</c>; the bucket headers (Remaining 0) are added by the pipeline.</summary>
    public static FakeResponse RouteLimited(TimeSpan retryAfter) =>
        RateLimited(retryAfter, isGlobal: false, "user", TooManyRequestsKind.User, "You are being rate limited.", code: null);

    /// <summary>Over the global per-second limit: 429 with <c>X-RateLimit-Global: true</c> and scope <c>global</c>.</summary>
    public static FakeResponse GlobalLimited(TimeSpan retryAfter)
    {
        var response = RateLimited(retryAfter, isGlobal: true, "global", TooManyRequestsKind.Global, "You are being rate limited.", code: null);
        response.Headers["X-RateLimit-Global"] = "true";
        return response;
    }

    /// <summary>The hidden channel-wide write limit (api-docs#5312): 429, scope <c>shared</c>, code 20028.</summary>
    public static FakeResponse SharedLimited(TimeSpan retryAfter) =>
        RateLimited(retryAfter, isGlobal: false, "shared", TooManyRequestsKind.Shared,
            "The write action you are performing on the channel has hit the write rate limit.", code: 20028);

    /// <summary>An IP ban (api-docs#5810): 429 with no X-RateLimit headers and no Retry-After.</summary>
    public static FakeResponse Banned() =>
        new(429, new JsonObject
        {
            ["code"] = 0,
            ["message"] = "You are being blocked from accessing our API temporarily due to exceeding our rate limits frequently.",
        })
        {
            TooManyRequests = TooManyRequestsKind.Banned,
            IsHeaderless = true,
        };

    private static FakeResponse RateLimited(TimeSpan retryAfter, bool isGlobal, string scope, TooManyRequestsKind kind, string message, int? code)
    {
        var seconds = Math.Round(retryAfter.TotalSeconds, 3, MidpointRounding.AwayFromZero);
        var body = new JsonObject { ["message"] = message, ["retry_after"] = seconds, ["global"] = isGlobal };
        if (code is { } value)
        {
            body["code"] = value;
        }

        var response = new FakeResponse(429, body) { TooManyRequests = kind };
        response.Headers["Retry-After"] = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Scope"] = scope;
        return response;
    }
}
