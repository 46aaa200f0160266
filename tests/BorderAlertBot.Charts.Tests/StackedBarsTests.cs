using BorderAlertBot.Domain;
using ScottPlot;
using SkiaSharp;

namespace BorderAlertBot.Charts.Tests;

public sealed class StackedBarsTests
{
    private static readonly EventsPerDaySeries BusyWeek = EventsPerDaySeries.Build(Counts.BusyWeek, Counts.Monday, Counts.Sunday);

    [Fact]
    public void Each_kind_rests_on_the_kinds_below_it_that_day()
    {
        // Arrange
        // Act
        var bars = StackedBars.For(BusyWeek);

        // Assert
        var thirdOfJanuary = bars.Segments.Where(segment => segment.Day == 2).Select(segment => (segment.Bottom, segment.Top, segment.Color));
        Assert.Equal(
            [(0, 3, EventKindStyle.ColorOf(EventKind.BorderClash)), (3, 5, EventKindStyle.ColorOf(EventKind.TradeDisruption))],
            thirdOfJanuary);
    }

    [Fact]
    public void A_kind_without_events_on_a_day_adds_nothing_to_that_bar()
    {
        // Arrange
        // Act
        var bars = StackedBars.For(BusyWeek);

        // Assert
        Assert.Equal(7, bars.Segments.Count);
        Assert.DoesNotContain(bars.Segments, segment => segment.Day == 3);
        Assert.All(bars.Segments, segment => Assert.True(segment.Top > segment.Bottom));
    }

    [Fact]
    public void The_highest_bar_is_the_busiest_day()
    {
        // Arrange
        // Act
        var bars = StackedBars.For(BusyWeek);

        // Assert
        Assert.Equal(5, bars.Highest);
        Assert.Equal(0, StackedBars.For(EventsPerDaySeries.Build([], Counts.Monday, Counts.Sunday)).Highest);
    }

    [Fact]
    public void Neighbouring_segments_are_parted_by_white()
    {
        // Arrange
        var bars = StackedBars.For(BusyWeek);
        using var plot = new Plot();
        plot.Add.Plottable(bars);
        plot.Axes.SetLimits(-1, 7, 0, 6);

        // Act
        using var bitmap = SKBitmap.Decode(PlotPng.Render(plot, 400, 300));

        // Assert
        // Both oranges have no blue at all, so blue in the column through 3 January shows white mixed in.
        var x = (int)bars.Axes.GetPixel(new Coordinates(2, 0)).X;
        int BlueAt(double value) => bitmap.GetPixel(x, (int)bars.Axes.GetPixel(new Coordinates(2, value)).Y).Blue;
        var boundary = (int)bars.Axes.GetPixel(new Coordinates(2, 3)).Y;
        var whitest = Enumerable.Range(boundary - 2, 5).Max(y => bitmap.GetPixel(x, y).Blue);
        Assert.Equal(0, BlueAt(1.5));
        Assert.Equal(0, BlueAt(4));
        Assert.True(whitest > 100, $"No white between the segments at y = {boundary} (bluest {whitest}).");
    }
}
