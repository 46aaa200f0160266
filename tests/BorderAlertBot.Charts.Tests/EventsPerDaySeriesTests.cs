using BorderAlertBot.Domain;
using BorderAlertBot.Storage;

namespace BorderAlertBot.Charts.Tests;

public sealed class EventsPerDaySeriesTests
{
    [Fact]
    public void Every_day_of_the_range_is_present_and_days_without_events_count_zero()
    {
        // Arrange
        var counts = new List<DailyCount> { new(new DateOnly(2024, 1, 3), EventKind.BorderClash, 4) };

        // Act
        var series = EventsPerDaySeries.Build(counts, Counts.Monday, Counts.Sunday);

        // Assert
        Assert.Equal(Enumerable.Range(1, 7).Select(day => new DateOnly(2024, 1, day)), series.Days);
        Assert.Equal([0, 0, 4, 0, 0, 0, 0], series.CountsByKind[EventKind.BorderClash]);
        Assert.Equal([0, 0, 0, 0, 0, 0, 0], series.CountsByKind[EventKind.CeasefireCall]);
        Assert.Equal([0, 0, 0, 0, 0, 0, 0], series.CountsByKind[EventKind.TradeDisruption]);
    }

    [Fact]
    public void Both_ends_of_the_range_are_included()
    {
        // Arrange
        var counts = new List<DailyCount>
        {
            new(Counts.Monday, EventKind.TradeDisruption, 1),
            new(Counts.Sunday, EventKind.TradeDisruption, 2),
        };

        // Act
        var series = EventsPerDaySeries.Build(counts, Counts.Monday, Counts.Sunday);

        // Assert
        Assert.Equal([1, 0, 0, 0, 0, 0, 2], series.CountsByKind[EventKind.TradeDisruption]);
    }

    [Fact]
    public void Counts_outside_the_range_are_left_out()
    {
        // Arrange
        var counts = new List<DailyCount>
        {
            new(Counts.Monday.AddDays(-1), EventKind.BorderClash, 5),
            new(Counts.Sunday.AddDays(1), EventKind.BorderClash, 5),
        };

        // Act
        var series = EventsPerDaySeries.Build(counts, Counts.Monday, Counts.Sunday);

        // Assert
        Assert.True(series.IsEmpty);
    }

    [Fact]
    public void Two_rows_for_the_same_day_and_kind_are_added_up()
    {
        // Arrange
        var counts = new List<DailyCount>
        {
            new(Counts.Monday, EventKind.CeasefireCall, 2),
            new(Counts.Monday, EventKind.CeasefireCall, 3),
        };

        // Act
        var series = EventsPerDaySeries.Build(counts, Counts.Monday, Counts.Monday);

        // Assert
        Assert.Equal([5], series.CountsByKind[EventKind.CeasefireCall]);
    }

    [Fact]
    public void Totals_are_kept_per_kind_per_day_and_overall()
    {
        // Arrange
        // Act
        var series = EventsPerDaySeries.Build(Counts.BusyWeek, Counts.Monday, Counts.Sunday);

        // Assert
        Assert.Equal(7, series.TotalFor(EventKind.BorderClash));
        Assert.Equal(3, series.TotalFor(EventKind.CeasefireCall));
        Assert.Equal(2, series.TotalFor(EventKind.TradeDisruption));
        Assert.Equal(12, series.Total);
        Assert.Equal(5, series.TotalOn(2));
    }

    [Fact]
    public void A_range_that_ends_before_it_starts_is_rejected()
    {
        // Arrange
        // Act
        var error = Assert.Throws<ArgumentException>(() => EventsPerDaySeries.Build([], Counts.Sunday, Counts.Monday));

        // Assert
        Assert.Equal("to", error.ParamName);
    }

    [Fact]
    public void A_negative_count_is_rejected()
    {
        // Arrange
        var counts = new List<DailyCount> { new(Counts.Monday, EventKind.BorderClash, -1) };

        // Act
        // Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => EventsPerDaySeries.Build(counts, Counts.Monday, Counts.Sunday));
    }
}
