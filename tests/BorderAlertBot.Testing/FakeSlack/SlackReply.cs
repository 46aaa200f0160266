using System.Globalization;
using System.Text.Json.Nodes;

namespace BorderAlertBot.Testing.FakeSlack;

/// <summary>What the fake will answer: a status, a JSON or text body, headers, and what the log records of it.</summary>
internal sealed record SlackReply(int Status, string Body, string ContentType)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public string? Error { get; init; }

    public FakeSlackLimitKind? Limit { get; init; }

    public static SlackReply Ok(JsonObject body)
    {
        body.Insert(0, "ok", true);
        return Json(200, body);
    }

    /// <summary><c>{"ok":false,"error":code}</c> with HTTP 200, as the Web API answers errors (§3).</summary>
    public static SlackReply Fail(string error, IReadOnlyList<string>? messages = null, int status = 200)
    {
        var body = new JsonObject { ["ok"] = false, ["error"] = error };
        if (messages is { Count: > 0 })
        {
            body["response_metadata"] = new JsonObject { ["messages"] = new JsonArray([.. messages.Select(m => JsonValue.Create(m))]) };
        }

        return Json(status, body) with { Error = error };
    }

    /// <summary>HTTP 429 with <c>Retry-After</c> in whole seconds (at least 1) and <c>{"ok":false,"error":"ratelimited"}</c> (§5).</summary>
    public static SlackReply RateLimited(TimeSpan retryAfter, FakeSlackLimitKind limit, bool isText = false)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var reply = isText
            ? new SlackReply(429, "ratelimited", "text/plain; charset=utf-8") { Error = "ratelimited" }
            : Fail("ratelimited", status: 429);
        return reply with
        {
            Headers = new Dictionary<string, string> { ["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture) },
            Limit = limit,
        };
    }

    /// <summary>An outage: the status with a small HTML-free body, as a load balancer would answer.</summary>
    public static SlackReply ServerError(int status) =>
        new(status, "fake outage", "text/plain; charset=utf-8") { Error = status.ToString(CultureInfo.InvariantCulture) };

    public static SlackReply Text(int status, string text) =>
        new(status, text, "text/plain; charset=utf-8") { Error = status == 200 ? null : text };

    private static SlackReply Json(int status, JsonObject body) => new(status, body.ToJsonString(), "application/json; charset=utf-8");
}
