using BorderAlertBot.Domain;

namespace BorderAlertBot.Store.Sqlite;

/// <summary>
/// The <c>event_day_counts</c> rows a batch of new events adds to, summed in memory: a batch of an import falls on a few
/// days, so a few dozen upserts replace one per event, which a trigger ran (0009_revisions_once.sql). Revisions still
/// move their counts by trigger: they are few, and only the trigger sees the old row.
/// </summary>
internal sealed class DayCountDeltas
{
    private const long MillisecondsPerDay = 86_400_000;

    private readonly Dictionary<Key, int> _counts = [];
    private readonly HashSet<EventId> _events = [];

    public int Count => _counts.Count;

    /// <summary>Whether <paramref name="id"/> is among the events counted here and not yet written.</summary>
    public bool Holds(EventId id) => _events.Contains(id);

    public void Add(ConflictEvent conflictEvent)
    {
        _events.Add(conflictEvent.Id);
        // As the table's day column: occurred_at / 86400000, truncated as SQLite's integer division truncates.
        var key = new Key(
            conflictEvent.Occurred.At.ToUnixTimeMilliseconds() / MillisecondsPerDay,
            conflictEvent.Status,
            conflictEvent.Kind,
            (int)conflictEvent.Severity.Effective,
            conflictEvent.Location?.CountryCode ?? string.Empty,
            conflictEvent.Border?.Pair);
        _counts[key] = _counts.GetValueOrDefault(key) + 1;
    }

    /// <summary>Each row's key as the table spells it (no country or border is ''), and how many events it gains.</summary>
    public IEnumerable<(long Day, string Status, string Kind, int Severity, string Country, string BorderPair, int Count)> Rows() =>
        _counts.Select(pair => (pair.Key.Day, pair.Key.Status.ToString(), pair.Key.Kind.ToString(), pair.Key.Severity, pair.Key.Country,
            pair.Key.Border?.ToString() ?? string.Empty, pair.Value));

    public void Clear()
    {
        _counts.Clear();
        _events.Clear();
    }

    private readonly record struct Key(long Day, EventStatus Status, EventKind Kind, int Severity, string Country, BorderPair? Border);
}
