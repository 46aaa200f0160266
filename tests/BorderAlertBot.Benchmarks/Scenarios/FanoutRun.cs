using BorderAlertBot.Testing.FakeDiscord;

namespace BorderAlertBot.Benchmarks.Scenarios;

/// <summary>
/// One Discord fan-out as the scenario saw it: the commit and the outbox draining (<see cref="FanoutDrain"/>), and where
/// the fake's records and counters stood before it.
/// </summary>
public sealed record FanoutRun(
    FanoutDrain Drain,
    int SequenceBefore,
    IReadOnlyDictionary<TooManyRequestsKind, int> TooManyBefore,
    int NonceHitsBefore);
