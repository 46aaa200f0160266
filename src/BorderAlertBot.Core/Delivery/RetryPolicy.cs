namespace BorderAlertBot.Delivery;

/// <summary>Exponential backoff with ±20 % jitter, capped, never shorter than what the platform asked for.</summary>
public static class RetryPolicy
{
    public static TimeSpan DelayFor(int attempt, DeliveryOptions options, TimeSpan? platformAsked, Random random)
    {
        var exponential = options.FirstRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
        var capped = Math.Min(exponential, options.MaxRetryDelay.TotalMilliseconds);
        var jittered = capped * (0.8 + (random.NextDouble() * 0.4));
        var delay = TimeSpan.FromMilliseconds(jittered);
        return platformAsked is { } asked && asked > delay ? asked : delay;
    }
}
