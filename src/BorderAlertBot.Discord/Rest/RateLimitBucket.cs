namespace BorderAlertBot.Discord.Rest;

/// <summary>
/// One Discord bucket for one major parameter: what the last response said is left and when the window resets. Requests
/// through a bucket go one at a time (as discord.js's sequential queue and Discord.Net's first-request rule), so each
/// knows the state the one before it left.
/// </summary>
internal sealed class RateLimitBucket
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Requests left in the window; null until a response has said.</summary>
    public int? Remaining { get; set; }

    /// <summary>When the window resets, on the limiter's clock (<see cref="TimeProvider.GetTimestamp"/>).</summary>
    public long ResetAt { get; set; }
}
