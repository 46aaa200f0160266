using ScottPlot;
using SkiaSharp;

namespace BorderAlertBot.Charts;

/// <summary>
/// One bar per day, a segment per kind stacked in <see cref="EventsPerDaySeries.Kinds"/> order, with a white outline of
/// <see cref="OutlinePx"/> round every segment so neighbours never rely on hue alone. ScottPlot's <c>BarPlot</c> strokes
/// that outline segment by segment, anti-aliased, which was about half the render time of a 90-day chart. The same pixels
/// for the price of fills: each bar filled white a half outline beyond its edges, then each segment a half outline within
/// its own (the white also hides the grid lines behind the outline, as the stroke did). A new instance per chart, so
/// concurrent charts share nothing.
/// </summary>
internal sealed class StackedBars : IPlottable
{
    /// <summary>Width of a bar in days, leaving a fifth of each day for the space between bars.</summary>
    public const double BarWidth = 0.8;

    public const float OutlinePx = 1;

    private static readonly SKColor OutlineColor = SKColors.White;

    private readonly double[] _tops;

    private StackedBars(IReadOnlyList<Segment> segments, double[] tops)
    {
        Segments = segments;
        _tops = tops;
    }

    public IReadOnlyList<Segment> Segments { get; }

    /// <summary>The busiest day's total: the top of the tallest bar.</summary>
    public double Highest => _tops.Max();

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

        return new StackedBars(segments, tops);
    }

    public AxisLimits GetAxisLimits() =>
        Segments.Count == 0
            ? AxisLimits.NoLimits
            : new AxisLimits(Segments.Min(s => s.Day) - BarWidth / 2, Segments.Max(s => s.Day) + BarWidth / 2, 0, Highest);

    public void Render(RenderPack rp)
    {
        using var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill, Color = OutlineColor };
        for (var day = 0; day < _tops.Length; day++)
        {
            if (_tops[day] > 0)
            {
                rp.Canvas.DrawRect(PixelRect(day, 0, _tops[day], OutlinePx / 2), paint);
            }
        }

        foreach (var segment in Segments)
        {
            var rect = PixelRect(segment.Day, segment.Bottom, segment.Top, -OutlinePx / 2);
            if (rect.Width > 0 && rect.Height > 0)
            {
                // Thinner than its outline it stays white, as the stroke painted it over.
                paint.Color = segment.Color.ToSKColor();
                rp.Canvas.DrawRect(rect, paint);
            }
        }
    }

    /// <summary>A day's bar from <paramref name="bottom"/> to <paramref name="top"/>, grown by <paramref name="growPx"/> on every side.</summary>
    private SKRect PixelRect(int day, double bottom, double top, float growPx)
    {
        var area = new CoordinateRect(day - BarWidth / 2, day + BarWidth / 2, bottom, top);
        var rect = Axes.GetPixelRect(area).ToSKRect().Standardized;
        rect.Inflate(growPx, growPx);
        return rect;
    }

    /// <summary>The part of a day's bar from <paramref name="Bottom"/> to <paramref name="Top"/> events, for one kind.</summary>
    public readonly record struct Segment(int Day, double Bottom, double Top, Color Color);
}
