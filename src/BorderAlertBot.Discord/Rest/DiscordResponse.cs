using System.Globalization;
using System.Net;
using System.Text.Json;

namespace BorderAlertBot.Discord.Rest;

/// <summary>
/// What Discord answered, with the parts of an error or a 429 body the senders act on (platforms/discord.md §0, §4, §5):
/// the JSON <c>code</c> and <c>message</c>, the <c>errors</c> tree of a 50035, and <c>retry_after</c>/<c>global</c>/the scope.
/// </summary>
public sealed record DiscordResponse(HttpStatusCode Status, string Body)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>Discord's JSON error code (50013 Missing Permissions…), or null.</summary>
    public int? Code { get; init; }

    public string? Message { get; init; }

    /// <summary>The nested <c>errors</c> tree of an Invalid Form Body (50035), as JSON text.</summary>
    public string? Errors { get; init; }

    /// <summary>How long to wait, from a 429's <c>retry_after</c> (or <c>Retry-After</c>), or the limiter's own cool-down.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>A 429 with <c>global: true</c>.</summary>
    public bool IsGlobal { get; init; }

    /// <summary>The 429's <c>X-RateLimit-Scope</c>: user, global or shared.</summary>
    public string? Scope { get; init; }

    /// <summary>A 429 without rate-limit headers: Cloudflare's IP ban, a cool-down of minutes (§4).</summary>
    public bool IsBan { get; init; }

    /// <summary>Not sent at all: Discord traffic is stopped (a rejected token) or cooling down (too many invalid requests).</summary>
    public bool WasHeldBack { get; init; }

    /// <summary>The rate-limit headers it carried.</summary>
    internal RateLimitHeaders Headers { get; init; } = new(null, null, null, false, null);

    /// <summary>The body as JSON, when it is JSON.</summary>
    public JsonElement? Json { get; init; }

    public static DiscordResponse HeldBack(string reason, TimeSpan retryAfter) =>
        new(HttpStatusCode.ServiceUnavailable, string.Empty) { Message = reason, RetryAfter = retryAfter, WasHeldBack = true };

    /// <summary>"403 50013 Missing Permissions" — for logs and pause reasons; never holds a token.</summary>
    public string Describe() =>
        WasHeldBack
            ? Message ?? "held back"
            : string.Create(CultureInfo.InvariantCulture, $"{(int)Status}{(Code is { } code ? $" {code}" : string.Empty)}{(Message is { Length: > 0 } message ? $" {message}" : string.Empty)}");
}
