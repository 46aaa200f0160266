using BorderAlertBot.Domain;
using BorderAlertBot.Storage;

namespace BorderAlertBot.Charts;

/// <summary>
/// Events per day by kind over an inclusive range of days: every day present (zero when nothing happened), every kind present,
/// duplicate (day, kind) rows summed, rows outside the range dropped.
/// </summary>
internal sealed record EventsPerDaySeries(IReadOnlyList<DateOnly> Days, IReadOnlyDictionary<EventKind, IReadOnlyList<int>> CountsByKind)
{
    public static IReadOnlyList<EventKind> Kinds { get; } = Enum.GetValues<EventKind>();

    public int Total => Kinds.Sum(TotalFor);

    public bool IsEmpty => Total == 0;

    public static EventsPerDaySeries Build(IReadOnlyList<DailyCount> counts, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (to < from)
        {
            throw new ArgumentException($"The range ends ({to:O}) before it starts ({from:O}).", nameof(to));
        }

        var dayCount = to.DayNumber - from.DayNumber + 1;
        var grid = Kinds.ToDictionary(kind => kind, _ => new int[dayCount]);
        foreach (var count in counts)
        {
            if (count.Count < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(counts), count, "A daily count cannot be negative.");
            }

            if (count.Day >= from && count.Day <= to && grid.TryGetValue(count.Kind, out var perDay))
            {
                perDay[count.Day.DayNumber - from.DayNumber] += count.Count;
            }
        }

        var days = Enumerable.Range(0, dayCount).Select(from.AddDays).ToArray();
        return new EventsPerDaySeries(days, grid.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<int>)pair.Value));
    }

    public int TotalFor(EventKind kind) => CountsByKind[kind].Sum();

    public int TotalOn(int dayIndex) => Kinds.Sum(kind => CountsByKind[kind][dayIndex]);
}
