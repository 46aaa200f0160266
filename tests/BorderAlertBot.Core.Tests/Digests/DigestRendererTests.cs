using BorderAlertBot.Abstractions;
using BorderAlertBot.Answers;
using BorderAlertBot.Crossings;
using BorderAlertBot.Digests;
using BorderAlertBot.Domain;
using BorderAlertBot.Storage;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Core.Tests.Digests;

public sealed class DigestRendererTests
{
    private static readonly EventLine Seized = new(
        EventId.Parse("evt_chinshwehaw_seized_2023"), Severity.Critical, EventStatus.Verified, "MNDAA seizes Chinshwehaw", "Chinshwehaw, Shan-North, MM", "2023-10-27", new Uri("https://example.org/seized"));

    private static readonly EventLine Closed = new(
        EventId.Parse("evt_chinshwehaw_crossing_closed_2023"), Severity.Critical, EventStatus.Verified, "Trade halted at Chinshwehaw", "Chinshwehaw, Shan-North, MM", "2023-10-27", null);

    [Fact]
    public void A_digest_reads_its_window_in_local_time_its_counts_with_a_surge_flag_and_its_sections()
    {
        // Arrange
        var digest = Digest() with
        {
            Crossings = [new CrossingLine("Chinshwehaw", CrossingStatus.Closed, new DateTimeOffset(2023, 10, 27, 0, 0, 0, TimeSpan.Zero), Closed), new CrossingLine("Muse", CrossingStatus.Unknown, null, null)],
            Displacement = [new DisplacementLine(Seized, [new Figure(FigureKind.Displaced, 10_000, "Myanmar Now")])],
        };

        // Act
        var answer = new DigestRenderer(new RecordingCharts()).Render(digest);
        var text = AnswerTextRenderer.Render(answer);

        // Assert
        Assert.Equal("Daily digest · Fri 27 Oct 2023", answer.Title);
        Assert.False(answer.IsPrivate);
        Assert.Contains("3 events from Thu 26 Oct 07:30 to Fri 27 Oct 07:30 (Asia/Yangon) for all kinds · in CN-MM · verified only.", text, StringComparison.Ordinal);
        Assert.Contains("Border clashes: 2 · none the day before · 4-week average 0.25 a week (+5,500 %) · SURGE", text, StringComparison.Ordinal);
        Assert.Contains("Trade disruptions: 1 · 1 the day before (±0 %) · 4-week average 7 a week (±0 %)", text, StringComparison.Ordinal);
        Assert.Contains("• [CRITICAL 5/5] MNDAA seizes Chinshwehaw · Chinshwehaw, Shan-North, MM · 2023-10-27 · evt_chinshwehaw_seized_2023 · https://example.org/seized", text, StringComparison.Ordinal);
        Assert.Contains("Chinshwehaw: closed since 2023-10-27 · last: Trade halted at Chinshwehaw (evt_chinshwehaw_crossing_closed_2023)", text, StringComparison.Ordinal);
        Assert.Contains("No trade disruption on record: Muse", text, StringComparison.Ordinal);
        Assert.Contains("MNDAA seizes Chinshwehaw (evt_chinshwehaw_seized_2023): 10,000 displaced (as reported by Myanmar Now)", text, StringComparison.Ordinal);
        Assert.NotNull(answer.Image);
    }

    [Fact]
    public void A_section_leaves_out_the_events_the_top_list_already_shows()
    {
        var answer = new DigestRenderer(new RecordingCharts()).Render(Digest() with { TopEvents = [Seized, Closed], Trade = [Closed], TradeCount = 1 });

        Assert.DoesNotContain(answer.Blocks, block => block is AnswerBlock.EventList { Heading: var heading } && heading!.StartsWith("Trade", StringComparison.Ordinal));
    }

    [Fact]
    public void The_chart_shows_four_weeks_of_events_per_day_by_kind()
    {
        var charts = new RecordingCharts();
        var perDay = new DailyCount(new DateOnly(2023, 10, 27), EventKind.BorderClash, 2);

        new DigestRenderer(charts).Render(Digest() with { PerDay = [perDay] });

        var (counts, from, to, title) = Assert.Single(charts.Calls);
        Assert.Equal([perDay], counts);
        Assert.Equal((new DateOnly(2023, 9, 30), new DateOnly(2023, 10, 27)), (from, to));
        Assert.Equal("Events per day, 4 weeks to 27 Oct 2023", title);
    }

    [Fact]
    public void A_late_digest_says_so_in_its_title_and_first_line()
    {
        var answer = new DigestRenderer(new RecordingCharts()).Render(Digest() with { IsLate = true });

        Assert.Equal("Daily digest · Fri 27 Oct 2023 · late", answer.Title);
        Assert.Contains("Sent late: the bot was not running when this digest was due", AnswerTextRenderer.Render(answer), StringComparison.Ordinal);
    }

    [Fact]
    public void A_quiet_digest_is_one_line_without_a_chart()
    {
        var charts = new RecordingCharts();

        var answer = new DigestRenderer(charts).Render(Digest() with { EventCount = 0, TopEvents = [], Trade = [], TradeCount = 0 });

        var line = Assert.IsType<AnswerBlock.Paragraph>(Assert.Single(answer.Blocks));
        Assert.Equal("Quiet: no verified events from Thu 26 Oct 07:30 to Fri 27 Oct 07:30 (Asia/Yangon) for this channel's subscription (all kinds · in CN-MM · verified only).", line.Text);
        Assert.Null(answer.Image);
        Assert.Empty(charts.Calls);
    }

    private static DigestContent Digest() => new(
        SubscriptionId.New(),
        "all kinds · in CN-MM · verified only",
        new DateOnly(2023, 10, 27),
        "Asia/Yangon",
        new DateTimeOffset(2023, 10, 26, 1, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2023, 10, 27, 1, 0, 0, TimeSpan.Zero),
        IsLate: false,
        [new KindTrend(EventKind.BorderClash, 2, 0, 1, 1), new KindTrend(EventKind.TradeDisruption, 1, 1, 28, 1)],
        [Seized],
        [],
        0,
        [Closed],
        1,
        [],
        [],
        [],
        new DateOnly(2023, 9, 30),
        new DateOnly(2023, 10, 27),
        EventCount: 3);

    private sealed class RecordingCharts : IChartRenderer
    {
        public List<(IReadOnlyList<DailyCount> Counts, DateOnly From, DateOnly To, string Title)> Calls { get; } = [];

        public ChartImage RenderEventsPerDay(IReadOnlyList<DailyCount> counts, DateOnly from, DateOnly to, string title)
        {
            Calls.Add((counts, from, to, title));
            return new ChartImage("chart.png", [1, 2, 3], 800, 400, "alt");
        }
    }
}
