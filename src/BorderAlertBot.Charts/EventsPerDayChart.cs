using System.Globalization;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Storage;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace BorderAlertBot.Charts;

/// <summary>
/// Stacked bars of events per day by kind, 800×400 px, sized to stay readable when a chat client shrinks it to a preview.
/// Stateless: each call draws a new plot, so one instance serves concurrent callers.
/// </summary>
public sealed class EventsPerDayChart : IChartRenderer
{
    public const int Width = 800;
    public const int Height = 400;

    private const float TitleSize = 22;
    private const float LabelSize = 17;
    private const float TickSize = 14;
    private const double BarWidth = 0.8;

    public ChartImage RenderEventsPerDay(IReadOnlyList<DailyCount> counts, DateOnly from, DateOnly to, string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var series = EventsPerDaySeries.Build(counts, from, to);
        var png = Draw(series, title);
        return new ChartImage(FileNameFor(from, to), png, Width, Height, EventsPerDayAltText.Describe(series, title));
    }

    internal static string FileNameFor(DateOnly from, DateOnly to) =>
        string.Create(CultureInfo.InvariantCulture, $"events-per-day-{from:yyyy-MM-dd}-to-{to:yyyy-MM-dd}.png");

    private static byte[] Draw(EventsPerDaySeries series, string title)
    {
        using var plot = new Plot();
        Label(plot, series, title);
        var highest = Stack(plot, series);
        plot.Axes.Bottom.TickGenerator = DayTicks.For(series.Days);
        plot.Axes.Left.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.SetLimits(-BarWidth / 2 - 0.2, series.Days.Count - 1 + BarWidth / 2 + 0.2, 0, Math.Max(highest * 1.15, 4));
        if (series.IsEmpty)
        {
            var note = plot.Add.Annotation("No events in this period", Alignment.MiddleCenter);
            note.LabelStyle.FontName = BundledFonts.FontName;
            note.LabelStyle.FontSize = LabelSize;
            note.LabelStyle.ForeColor = Colors.Black;
            note.LabelStyle.BackgroundColor = Colors.White;
            note.LabelStyle.BorderColor = Colors.Gray;
            note.LabelStyle.ShadowColor = Colors.Transparent;
            note.LabelStyle.Padding = 8;
        }

        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static void Label(Plot plot, EventsPerDaySeries series, string title)
    {
        var font = BundledFonts.FontName;
        plot.Title(title, TitleSize);
        plot.Axes.Title.Label.FontName = font;
        plot.Axes.Title.Label.Bold = true;
        plot.YLabel("Events per day", LabelSize);
        plot.XLabel(XLabelFor(series.Days[0], series.Days[^1]), LabelSize);
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontName = font;
            axis.Label.Bold = false;
            axis.TickLabelStyle.FontName = font;
            axis.TickLabelStyle.FontSize = TickSize;
        }

        plot.Legend.FontName = font;
        plot.Legend.FontSize = TickSize;
        plot.Legend.ManualItems.AddRange(EventsPerDaySeries.Kinds.Select(kind => new LegendItem
        {
            LabelText = string.Create(CultureInfo.InvariantCulture, $"{EventKindStyle.NameOf(kind)} ({series.TotalFor(kind)})"),
            FillColor = EventKindStyle.ColorOf(kind),
        }));
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.Legend.OutlineColor = Colors.LightGray;
        plot.ShowLegend(Edge.Top).Padding = new PixelPadding(0, 4);

        // The top axis has no ticks or label; without a cap it leaves an empty strip between the legend and the bars.
        plot.Axes.Top.MaximumSize = 6;
    }

    /// <summary>One bar plot per kind, each segment resting on the kinds below it; returns the tallest day.</summary>
    private static double Stack(Plot plot, EventsPerDaySeries series)
    {
        var tops = new double[series.Days.Count];
        foreach (var kind in EventsPerDaySeries.Kinds)
        {
            var perDay = series.CountsByKind[kind];
            var bars = new List<Bar>();
            for (var day = 0; day < perDay.Count; day++)
            {
                if (perDay[day] == 0)
                {
                    continue;
                }

                bars.Add(new Bar
                {
                    Position = day,
                    ValueBase = tops[day],
                    Value = tops[day] + perDay[day],
                    Size = BarWidth,
                    FillColor = EventKindStyle.ColorOf(kind),
                    LineColor = Colors.White,
                    LineWidth = 1,
                });
                tops[day] += perDay[day];
            }

            if (bars.Count > 0)
            {
                plot.Add.Bars(bars);
            }
        }

        return tops.Max();
    }

    private static string XLabelFor(DateOnly first, DateOnly last) =>
        first.Year == last.Year
            ? string.Create(CultureInfo.InvariantCulture, $"Date (UTC), {first.Year}")
            : string.Create(CultureInfo.InvariantCulture, $"Date (UTC), {first.Year}–{last.Year}");
}
