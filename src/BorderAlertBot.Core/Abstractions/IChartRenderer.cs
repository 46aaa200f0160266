using BorderAlertBot.Storage;

namespace BorderAlertBot.Abstractions;

/// <summary>Draws the charts that summaries and digests attach (ARCHITECTURE.md §7–§8). Rendering is CPU-only, so it is synchronous.</summary>
public interface IChartRenderer
{
    /// <summary>
    /// A stacked bar chart of events per day by kind over the inclusive range [<paramref name="from"/>, <paramref name="to"/>].
    /// Days without counts are drawn as zero; counts outside the range are ignored; an empty range still renders.
    /// </summary>
    ChartImage RenderEventsPerDay(IReadOnlyList<DailyCount> counts, DateOnly from, DateOnly to, string title);
}
