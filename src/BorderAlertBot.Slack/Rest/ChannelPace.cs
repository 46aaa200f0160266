namespace BorderAlertBot.Slack.Rest;

/// <summary>
/// One channel's (or incoming webhook's) pace, kept by <see cref="SlackRateLimiter"/>: a token bucket as a theoretical
/// arrival time (one message per interval, a burst of a few), one call at a time so messages keep their order, and the
/// pause a 429 set. Guarded by the limiter's lock.
/// </summary>
internal sealed class ChannelPace
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>When the bucket is full again, as a timestamp; a call may go once <c>now ≥ this − (burst − 1) × interval</c>.</summary>
    public long FullAt { get; set; }

    public long PausedUntil { get; set; }
}
