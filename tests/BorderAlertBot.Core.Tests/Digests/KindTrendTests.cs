using BorderAlertBot.Digests;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Core.Tests.Digests;

public sealed class KindTrendTests
{
    [Theory]
    // current, 4 weeks before, window days → surge?  A daily window expects a seventh of the weekly average.
    [InlineData(2, 28, 1, true)] // average 7 a week = 1 a day; 2 is +100 %
    [InlineData(1, 28, 1, false)] // +0 %
    [InlineData(3, 56, 1, false)] // 2 a day expected; 3 is +50 %
    [InlineData(4, 56, 1, true)] // +100 %
    [InlineData(1, 0, 1, false)] // one event after a quiet month is not a surge
    [InlineData(2, 0, 1, true)] // two are
    [InlineData(14, 28, 7, true)] // a weekly window: 7 expected, 14 is +100 %
    [InlineData(13, 28, 7, false)]
    [InlineData(0, 0, 1, false)]
    public void A_kind_surges_at_double_its_four_week_average_for_the_window(int current, int fourWeeks, double windowDays, bool surge)
    {
        var trend = new KindTrend(EventKind.BorderClash, current, Previous: 0, fourWeeks, windowDays);

        Assert.Equal(surge, trend.IsSurge);
    }

    [Fact]
    public void Changes_are_against_the_window_before_and_the_average_scaled_to_the_window()
    {
        var trend = new KindTrend(EventKind.TradeDisruption, Current: 5, Previous: 2, FourWeeks: 14, WindowDays: 1);

        Assert.Equal(3.5, trend.WeeklyAverage);
        Assert.Equal(0.5, trend.ExpectedInWindow, 9);
        Assert.Equal(1.5, trend.ChangeVsPrevious);
        Assert.Equal(9.0, trend.ChangeVsAverage!.Value, 9);
    }

    [Fact]
    public void An_empty_window_before_or_baseline_gives_no_percentage()
    {
        var trend = new KindTrend(EventKind.CeasefireCall, Current: 1, Previous: 0, FourWeeks: 0, WindowDays: 1);

        Assert.Null(trend.ChangeVsPrevious);
        Assert.Null(trend.ChangeVsAverage);
    }
}
