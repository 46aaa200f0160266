using System.Globalization;
using System.Net.Http.Headers;

namespace BorderAlertBot.Discord.Rest;

/// <summary>The <c>X-RateLimit-*</c> headers of a response (platforms/discord.md §4), read with the invariant culture.</summary>
internal sealed record RateLimitHeaders(string? Bucket, int? Remaining, TimeSpan? ResetAfter, bool IsGlobal, string? Scope)
{
    public bool HasAny => Bucket is not null || Remaining is not null || ResetAfter is not null || IsGlobal || Scope is not null;

    public static RateLimitHeaders Read(HttpResponseHeaders headers) => new(
        Value(headers, "X-RateLimit-Bucket"),
        int.TryParse(Value(headers, "X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining) ? remaining : null,
        double.TryParse(Value(headers, "X-RateLimit-Reset-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : null,
        string.Equals(Value(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase),
        Value(headers, "X-RateLimit-Scope"));

    /// <summary>A 429's <c>Retry-After</c> header (whole seconds); the body's <c>retry_after</c> is more precise.</summary>
    public static TimeSpan? RetryAfter(HttpResponseHeaders headers) =>
        headers.RetryAfter?.Delta ?? (double.TryParse(Value(headers, "Retry-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : null);

    private static string? Value(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
