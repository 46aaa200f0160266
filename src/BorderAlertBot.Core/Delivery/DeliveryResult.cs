namespace BorderAlertBot.Delivery;

/// <summary>What a sender says happened; transport exceptions are not results, they propagate and count as transient.</summary>
public abstract record DeliveryResult
{
    private DeliveryResult()
    {
    }

    /// <summary>The platform took it; <paramref name="MessageRef"/> lets us edit or reply to it later.</summary>
    public sealed record Delivered(string MessageRef) : DeliveryResult;

    /// <summary>Try again after at least <paramref name="Delay"/> (a 429's Retry-After, a 5xx, a timeout).</summary>
    public sealed record RetryAfter(TimeSpan Delay, string Reason) : DeliveryResult;

    /// <summary>It will never work as it is (channel gone, no access, webhook deleted): pause the subscription.</summary>
    public sealed record Rejected(string Reason) : DeliveryResult;

    /// <summary>
    /// This message can never go (the platform refuses its content: a bug in our payload), though the channel is fine:
    /// give it up at once, keep the subscription, and let the next messages go.
    /// </summary>
    public sealed record Undeliverable(string Reason) : DeliveryResult;
}
