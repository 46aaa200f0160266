namespace BorderAlertBot.Benchmarks.Scenarios;

/// <summary>
/// One commit as <see cref="FanoutHost.CommitAndDrainAsync"/> saw it: when it was committed, how long the watcher took to
/// queue every row, whether the outbox drained in time, and how many rows were given up (all-time, from the outbox).
/// </summary>
public sealed record FanoutDrain(DateTimeOffset CommittedAt, TimeSpan Enqueued, bool Drained, long DeadLettered);
