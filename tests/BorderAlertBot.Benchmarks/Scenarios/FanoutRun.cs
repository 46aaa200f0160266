using BorderAlertBot.Testing.FakeDiscord;

namespace BorderAlertBot.Benchmarks.Scenarios;

/// <summary>
/// One fan-out as the scenario saw it: when the event was committed, where the fake's records and counters stood
/// before it, how long the watcher took to queue every channel, and whether the outbox drained in time.
/// </summary>
public sealed record FanoutRun(
    DateTimeOffset CommittedAt,
    int SequenceBefore,
    IReadOnlyDictionary<TooManyRequestsKind, int> TooManyBefore,
    int NonceHitsBefore,
    TimeSpan Enqueued,
    bool Drained,
    long DeadLettered);
