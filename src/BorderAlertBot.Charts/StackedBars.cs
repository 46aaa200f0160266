using ScottPlot;
using SkiaSharp;

namespace BorderAlertBot.Charts;

/// <summary>
/// One bar per day, a segment per kind stacked in <see cref="EventsPerDaySeries.Kinds"/> order, with a white gap of
/// <see cref="GapPx"/> between neighbours so they never rely on hue alone. ScottPlot's <c>BarPlot</c> draws that gap as a
/// 1 px white outline round every segment: an anti-aliased stroke each, about half the render time of a 90-day chart.
/// Filling each segment shrunk by half the gap on every side leaves the same gap over the white plot area for the price
/// of one fill. A new instance per chart, so concurrent charts share nothing.
/// </summary>
internal sealed class StackedBars : IPlottable
{
    /// <summary>Width of a bar in days, leaving a fifth of each day for the space between bars.</summary>
    public const double BarWidth = 0.8;

    public const float GapPx = 1;

    private StackedBars(IReadOnlyList<Segment> segments, double highest)
    {
        Segments = segments;
        Highest = highest;
    }

    public IReadOnlyList<Segment> Segments { get; }

    /// <summary>The busiest day's total: the top of the tallest bar.</summary>
    public double Highest { get; }

    public bool IsVisible { get; set; } = true;

    public IAxes Axes { get; set; } = new ScottPlot.Axes();

    /// <summary>None of its own: the chart's legend lists every kind with its total, drawn or not.</summary>
    public IEnumerable<LegendItem> LegendItems => LegendItem.None;

    /// <summary>Segments bottom to top for each day in turn; a kind with no events that day adds none.</summary>
    public static StackedBars For(EventsPerDaySeries series)
    {
        var tops = new double[series.Days.Count];
        var segments = new List<Segment>();
        foreach (var kind in EventsPerDaySeries.Kinds)
        {
            var perDay = series.CountsByKind[kind];
            for (var day = 0; day < perDay.Count; day++)
            {
                if (perDay[day] == 0)
                {
                    continue;
                }

                segments.Add(new Segment(day, tops[day], tops[day] + perDay[day], EventKindStyle.ColorOf(kind)));
                tops[day] += perDay[day];
            }
        }

        return new StackedBars(segments, tops.Max());
    }

    public AxisLimits GetAxisLimits() =>
        Segments.Count == 0
            ? AxisLimits.NoLimits
            : new AxisLimits(Segments.Min(s => s.Day) - BarWidth / 2, Segments.Max(s => s.Day) + BarWidth / 2, 0, Highest);

    public void Render(RenderPack rp)
    {
        using var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        foreach (var segment in Segments)
        {
            var area = new CoordinateRect(segment.Day - BarWidth / 2, segment.Day + BarWidth / 2, segment.Bottom, segment.Top);
            var rect = Axes.GetPixelRect(area).ToSKRect().Standardized;
            rect.Inflate(-GapPx / 2, -GapPx / 2);
            if (rect.Width <= 0 || rect.Height <= 0)
            {
                // Thinner than the gap: an outline would have painted it over in white too.
                continue;
            }

            paint.Color = segment.Color.ToSKColor();
            rp.Canvas.DrawRect(rect, paint);
        }
    }

    /// <summary>The part of a day's bar from <paramref name="Bottom"/> to <paramref name="Top"/> events, for one kind.</summary>
    public readonly record struct Segment(int Day, double Bottom, double Top, Color Color);
}
