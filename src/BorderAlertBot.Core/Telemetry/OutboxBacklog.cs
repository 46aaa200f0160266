namespace BorderAlertBot.Telemetry;

/// <summary>How many outbox rows wait to be sent and how long the oldest has waited.</summary>
public sealed record OutboxBacklog(long Depth, TimeSpan OldestAge)
{
    public static OutboxBacklog Empty { get; } = new(0, TimeSpan.Zero);
}
