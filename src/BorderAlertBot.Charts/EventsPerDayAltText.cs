using System.Globalization;

namespace BorderAlertBot.Charts;

/// <summary>The chart in words, for screen readers and for platforms that show text only.</summary>
internal static class EventsPerDayAltText
{
    public static string Describe(EventsPerDaySeries series, string title)
    {
        var first = series.Days[0];
        var last = series.Days[^1];
        var days = series.Days.Count == 1 ? "1 day" : Invariant($"{series.Days.Count} days");
        var opening = Invariant($"Stacked bar chart \"{title}\": events per day by kind from {Format(first)} to {Format(last)} ({days}).");
        if (series.IsEmpty)
        {
            return $"{opening} No events in this period.";
        }

        var perKind = EventsPerDaySeries.Kinds.Select(kind => EventKindStyle.CountOf(kind, series.TotalFor(kind))).ToList();
        var totals = perKind.Count == 1 ? perKind[0] : $"{string.Join(", ", perKind.SkipLast(1))} and {perKind[^1]}";
        var events = series.Total == 1 ? "1 event" : Invariant($"{series.Total} events");
        var busiest = Enumerable.Range(0, series.Days.Count).MaxBy(series.TotalOn);
        var busiestCount = series.TotalOn(busiest);
        var busiestEvents = busiestCount == 1 ? "1 event" : Invariant($"{busiestCount} events");
        return $"{opening} {events} in total: {totals}. Busiest day: {Format(series.Days[busiest])}, with {busiestEvents}.";
    }

    private static string Format(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
