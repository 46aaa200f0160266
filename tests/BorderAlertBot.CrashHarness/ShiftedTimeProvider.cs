namespace BorderAlertBot.CrashHarness;

/// <summary>
/// The system clock moved forward by a fixed offset. Each restart runs later than the one before by more than the claim
/// lease (as after a supervisor's restart delay), so the batches a killed process had claimed can be claimed again at
/// once, under their old group ids, instead of after a minute of real waiting.
/// </summary>
public sealed class ShiftedTimeProvider(TimeSpan offset) : TimeProvider
{
    /// <summary>Longer than any claim lease <c>DeliveryOptions</c> allows (at most one hour).</summary>
    public static TimeSpan PerRestart { get; } = TimeSpan.FromHours(2);

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + offset;
}
