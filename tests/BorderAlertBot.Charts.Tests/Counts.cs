using BorderAlertBot.Domain;
using BorderAlertBot.Storage;

namespace BorderAlertBot.Charts.Tests;

/// <summary>Daily counts for the week of 1–7 January 2024, busy or quiet.</summary>
internal static class Counts
{
    public static readonly DateOnly Monday = new(2024, 1, 1);
    public static readonly DateOnly Sunday = new(2024, 1, 7);

    /// <summary>7 border clashes, 3 ceasefire calls and 2 trade disruptions; busiest on 3 January (5 events).</summary>
    public static IReadOnlyList<DailyCount> BusyWeek { get; } =
    [
        new(new DateOnly(2024, 1, 1), EventKind.BorderClash, 2),
        new(new DateOnly(2024, 1, 2), EventKind.BorderClash, 1),
        new(new DateOnly(2024, 1, 3), EventKind.BorderClash, 3),
        new(new DateOnly(2024, 1, 3), EventKind.TradeDisruption, 2),
        new(new DateOnly(2024, 1, 5), EventKind.CeasefireCall, 2),
        new(new DateOnly(2024, 1, 6), EventKind.CeasefireCall, 1),
        new(new DateOnly(2024, 1, 7), EventKind.BorderClash, 1),
    ];

    public static IReadOnlyList<DailyCount> QuietWeek { get; } =
    [
        new(new DateOnly(2024, 1, 4), EventKind.CeasefireCall, 1),
    ];

    /// <summary>Some events on most days of a range, deterministic.</summary>
    public static IReadOnlyList<DailyCount> Spread(DateOnly from, int days) =>
        Enumerable.Range(0, days)
            .SelectMany(day => Enum.GetValues<EventKind>().Select(kind => new DailyCount(from.AddDays(day), kind, (day * 7 + (int)kind * 3) % 5)))
            .Where(count => count.Count > 0)
            .ToList();
}
