using BorderAlertBot.Abstractions;
using BorderAlertBot.Domain;
using BorderAlertBot.Storage;

namespace BorderAlertBot.Charts.Tests;

public sealed class CachingChartRendererTests
{
    private static readonly DateOnly From = new(2024, 1, 1);
    private static readonly DateOnly To = new(2024, 1, 28);

    [Fact]
    public void The_same_counts_range_and_title_are_drawn_once()
    {
        var inner = new CountingCharts();
        var charts = new CachingChartRenderer(inner);
        DailyCount[] counts = [new(From.AddDays(3), EventKind.BorderClash, 2), new(From.AddDays(5), EventKind.TradeDisruption, 1)];

        var first = charts.RenderEventsPerDay(counts, From, To, "Events per day");
        var again = charts.RenderEventsPerDay([counts[1], counts[0]], From, To, "Events per day");

        Assert.Same(first, again);
        Assert.Equal(1, inner.Calls);
    }

    [Theory]
    [InlineData(3, EventKind.BorderClash, 3, "Events per day")] // another count
    [InlineData(4, EventKind.BorderClash, 2, "Events per day")] // another day
    [InlineData(3, EventKind.CeasefireCall, 2, "Events per day")] // another kind
    [InlineData(3, EventKind.BorderClash, 2, "Events per day, 4 weeks")] // another title
    public void A_chart_that_would_look_different_is_drawn_again(int day, EventKind kind, int count, string title)
    {
        var inner = new CountingCharts();
        var charts = new CachingChartRenderer(inner);
        charts.RenderEventsPerDay([new(From.AddDays(3), EventKind.BorderClash, 2)], From, To, "Events per day");

        charts.RenderEventsPerDay([new(From.AddDays(day), kind, count)], From, To, title);

        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public void Counts_outside_the_range_do_not_make_a_chart_different()
    {
        var inner = new CountingCharts();
        var charts = new CachingChartRenderer(inner);

        charts.RenderEventsPerDay([new(From, EventKind.BorderClash, 2)], From, To, "t");
        charts.RenderEventsPerDay([new(From, EventKind.BorderClash, 2), new(To.AddDays(1), EventKind.BorderClash, 9)], From, To, "t");

        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public void Callers_asking_for_the_same_new_chart_at_once_get_one_rendering()
    {
        var inner = new CountingCharts();
        var charts = new CachingChartRenderer(inner);

        var images = Enumerable.Range(0, 64).AsParallel().Select(_ => charts.RenderEventsPerDay([new(From, EventKind.BorderClash, 1)], From, To, "t")).ToList();

        Assert.Equal(1, inner.Calls);
        Assert.All(images, image => Assert.Same(images[0], image));
    }

    [Fact]
    public void A_full_cache_starts_afresh_rather_than_grow()
    {
        var inner = new CountingCharts();
        var charts = new CachingChartRenderer(inner);
        for (var i = 0; i <= CachingChartRenderer.Capacity; i++)
        {
            charts.RenderEventsPerDay([new(From, EventKind.BorderClash, i + 1)], From, To, "t");
        }

        charts.RenderEventsPerDay([new(From, EventKind.BorderClash, 1)], From, To, "t");

        Assert.Equal(CachingChartRenderer.Capacity + 2, inner.Calls);
    }

    [Fact]
    public void A_negative_count_is_refused_every_time()
    {
        var charts = new CachingChartRenderer(new EventsPerDayChart());
        DailyCount[] counts = [new(To.AddDays(2), EventKind.BorderClash, -1)];

        Assert.Throws<ArgumentOutOfRangeException>(() => charts.RenderEventsPerDay(counts, From, To, "t"));
        Assert.Throws<ArgumentOutOfRangeException>(() => charts.RenderEventsPerDay(counts, From, To, "t"));
    }

    private sealed class CountingCharts : IChartRenderer
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public ChartImage RenderEventsPerDay(IReadOnlyList<DailyCount> counts, DateOnly from, DateOnly to, string title)
        {
            Interlocked.Increment(ref _calls);
            return new ChartImage("chart.png", [1], 800, 400, title);
        }
    }
}
