using BorderAlertBot.Domain;
using BorderAlertBot.Storage;
using SkiaSharp;

namespace BorderAlertBot.Charts.Tests;

public sealed class EventsPerDayChartTests
{
    private readonly EventsPerDayChart _chart = new();

    [Fact]
    public void The_chart_is_an_800_by_400_png()
    {
        // Arrange
        // Act
        var image = _chart.RenderEventsPerDay(Counts.BusyWeek, Counts.Monday, Counts.Sunday, "Events per day");

        // Assert
        var header = PngHeader.Read(image.Png);
        Assert.Equal(new PngHeader(800, 400), header);
        Assert.Equal((800, 400), (image.Width, image.Height));
    }

    [Theory]
    [InlineData(7, 0)]
    [InlineData(7, 1)]
    [InlineData(90, 1)]
    [InlineData(90, 1_000)]
    public void The_png_decodes_with_SkiaSharp_to_800_by_400_pixels(int days, int scale)
    {
        // Arrange
        var counts = Counts.Spread(Counts.Monday, days).Select(count => count with { Count = count.Count * scale }).ToList();

        // Act
        var image = _chart.RenderEventsPerDay(counts, Counts.Monday, Counts.Monday.AddDays(days - 1), "Events per day");

        // Assert
        using var bitmap = SKBitmap.Decode(image.Png);
        Assert.NotNull(bitmap);
        Assert.Equal((800, 400), (bitmap.Width, bitmap.Height));
        Assert.Equal(SKColors.White, bitmap.GetPixel(2, 2));
    }

    [Fact]
    public void A_busy_quarter_stays_a_small_file()
    {
        // Arrange
        var to = Counts.Monday.AddDays(89);
        var counts = Counts.Spread(Counts.Monday, 90).Select(count => count with { Count = count.Count * 17 }).ToList();

        // Act
        var image = _chart.RenderEventsPerDay(counts, Counts.Monday, to, "Last 90 days");

        // Assert
        // Fast PNG compression costs some size (PlotPng); chat clients and the 25 ms budget both want it well under this.
        Assert.InRange(image.Png.Length, 10_000, 80_000);
    }

    [Fact]
    public void Charts_drawn_on_several_threads_at_once_match_those_drawn_one_by_one()
    {
        // Arrange
        var ninetyDays = Counts.Spread(Counts.Monday, 90);
        (IReadOnlyList<DailyCount> Counts, DateOnly To, string Title)[] cases =
        [
            (Counts.BusyWeek, Counts.Sunday, "This week"),
            ([], Counts.Sunday, "Quiet week"),
            (ninetyDays, Counts.Monday.AddDays(89), "Last 90 days"),
        ];
        var expected = cases.Select(c => _chart.RenderEventsPerDay(c.Counts, Counts.Monday, c.To, c.Title).Png).ToList();
        var actual = new byte[48][];

        // Act
        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var c = cases[i % cases.Length];
            actual[i] = _chart.RenderEventsPerDay(c.Counts, Counts.Monday, c.To, c.Title).Png;
        });

        // Assert
        Assert.All(Enumerable.Range(0, actual.Length), i => Assert.Equal(expected[i % cases.Length], actual[i]));
    }

    [Fact]
    public void A_busy_week_and_a_quiet_week_give_different_images()
    {
        // Arrange
        // Act
        var busy = _chart.RenderEventsPerDay(Counts.BusyWeek, Counts.Monday, Counts.Sunday, "This week");
        var quiet = _chart.RenderEventsPerDay(Counts.QuietWeek, Counts.Monday, Counts.Sunday, "This week");

        // Assert
        Assert.NotEqual(busy.Png, quiet.Png);
    }

    [Fact]
    public void The_same_counts_give_the_same_image()
    {
        // Arrange
        // Act
        var first = _chart.RenderEventsPerDay(Counts.BusyWeek, Counts.Monday, Counts.Sunday, "This week");
        var second = _chart.RenderEventsPerDay(Counts.BusyWeek, Counts.Monday, Counts.Sunday, "This week");

        // Assert
        Assert.Equal(first.Png, second.Png);
    }

    [Fact]
    public void A_period_without_events_still_renders_and_says_so()
    {
        // Arrange
        // Act
        var image = _chart.RenderEventsPerDay([], Counts.Monday, Counts.Sunday, "Quiet week");

        // Assert
        Assert.Equal(new PngHeader(800, 400), PngHeader.Read(image.Png));
        Assert.Contains("No events in this period.", image.AltText, StringComparison.Ordinal);
        Assert.NotEqual(image.Png, _chart.RenderEventsPerDay(Counts.QuietWeek, Counts.Monday, Counts.Sunday, "Quiet week").Png);
    }

    [Fact]
    public void Ninety_days_render()
    {
        // Arrange
        var from = new DateOnly(2024, 1, 1);
        var to = from.AddDays(89);

        // Act
        var image = _chart.RenderEventsPerDay(Counts.Spread(from, 90), from, to, "Last 90 days");

        // Assert
        Assert.Equal(new PngHeader(800, 400), PngHeader.Read(image.Png));
        Assert.Contains("(90 days)", image.AltText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_day_renders()
    {
        // Arrange
        // Act
        var image = _chart.RenderEventsPerDay(Counts.BusyWeek, Counts.Monday, Counts.Monday, "Today");

        // Assert
        Assert.Equal(new PngHeader(800, 400), PngHeader.Read(image.Png));
        Assert.Contains("(1 day)", image.AltText, StringComparison.Ordinal);
    }

    [Fact]
    public void The_alt_text_states_the_totals_per_kind_in_words()
    {
        // Arrange
        // Act
        var image = _chart.RenderEventsPerDay(Counts.BusyWeek, Counts.Monday, Counts.Sunday, "Events per day, CN-MM");

        // Assert
        Assert.Equal(
            "Stacked bar chart \"Events per day, CN-MM\": events per day by kind from 1 Jan 2024 to 7 Jan 2024 (7 days). "
                + "12 events in total: 7 border clashes, 3 ceasefire calls and 2 trade disruptions. "
                + "Busiest day: 3 Jan 2024, with 5 events.",
            image.AltText);
    }

    [Fact]
    public void The_alt_text_names_a_kind_without_events_and_a_single_event()
    {
        // Arrange
        // Act
        var image = _chart.RenderEventsPerDay(Counts.QuietWeek, Counts.Monday, Counts.Sunday, "Quiet week");

        // Assert
        Assert.Contains("1 event in total: no border clashes, 1 ceasefire call and no trade disruptions.", image.AltText, StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_name_names_the_range()
    {
        // Arrange
        // Act
        var image = _chart.RenderEventsPerDay(Counts.BusyWeek, Counts.Monday, Counts.Sunday, "This week");

        // Assert
        Assert.Equal("events-per-day-2024-01-01-to-2024-01-07.png", image.FileName);
    }

    [Fact]
    public void The_title_is_drawn_with_the_bundled_font()
    {
        // Arrange
        var withTitle = _chart.RenderEventsPerDay(Counts.BusyWeek, Counts.Monday, Counts.Sunday, "Border clashes this week");

        // Act
        var inkInTitleBand = DarkPixels(withTitle.Png, top: 0, bottom: 40);

        // Assert
        // Without a usable font Skia draws no glyphs at all and this band is blank.
        Assert.True(inkInTitleBand > 200, $"Only {inkInTitleBand} dark pixels where the title should be.");
    }

    [Fact]
    public void A_missing_title_is_rejected()
    {
        // Arrange
        // Act
        // Assert
        Assert.Throws<ArgumentNullException>(() => _chart.RenderEventsPerDay(Counts.BusyWeek, Counts.Monday, Counts.Sunday, null!));
    }

    [Fact]
    public void Kinds_are_drawn_in_distinct_colours()
    {
        // Arrange
        // Act
        var colours = EventsPerDaySeries.Kinds.Select(EventKindStyle.ColorOf).ToList();

        // Assert
        Assert.Equal(colours.Count, colours.Distinct().Count());
        Assert.Equal(Enum.GetValues<EventKind>().Length, colours.Count);
    }

    private static int DarkPixels(byte[] png, int top, int bottom)
    {
        using var bitmap = SKBitmap.Decode(png);
        var dark = 0;
        for (var y = top; y < bottom; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var pixel = bitmap.GetPixel(x, y);
                if (pixel.Red + pixel.Green + pixel.Blue < 200)
                {
                    dark++;
                }
            }
        }

        return dark;
    }
}
