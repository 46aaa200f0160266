namespace BorderAlertBot.Slack.Rest;

/// <summary>
/// One method's calls in one workspace over the last minute, kept by <see cref="SlackRateLimiter"/>: calls on their way,
/// the times recent calls were answered, and the pause a 429 set. Guarded by the limiter's lock.
/// </summary>
internal sealed class MethodWindow(int perMinute)
{
    public int PerMinute { get; } = perMinute;

    public int InFlight { get; set; }

    public Queue<long> Answered { get; } = new();

    public long PausedUntil { get; set; }

    /// <summary>Completed when a call of this window is answered, for waiters that found every slot still on its way.</summary>
    public TaskCompletionSource AnswerCame { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
