using System.Globalization;

namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>The per-route X-RateLimit headers (§4), numbers in the invariant culture with three decimals.</summary>
internal static class RateLimitHeaders
{
    public static void Apply(FakeResponse response, BucketState bucket)
    {
        response.Headers["X-RateLimit-Limit"] = bucket.Limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Remaining"] = bucket.Remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Reset"] = (bucket.ResetAt.ToUnixTimeMilliseconds() / 1000.0).ToString("F3", CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Reset-After"] = bucket.ResetAfter.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Bucket"] = bucket.Bucket;
    }
}
