using BorderAlertBot.Core.Tests.Crossings;
using BorderAlertBot.Crossings;
using BorderAlertBot.Digests;
using BorderAlertBot.Domain;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Testing.Builders;
using BorderAlertBot.Testing.Stores;

namespace BorderAlertBot.Core.Tests.Digests;

/// <summary>What a digest counts and lists, composed from events in memory (the store part is tested on SQLite elsewhere).</summary>
public sealed class DigestComposerTests
{
    // Daily at 07:30 in Yangon: the 6 January slot is 01:00 UTC, its window starts at 01:00 UTC on 5 January.
    private static readonly DigestSchedule Daily = new(new TimeOnly(7, 30), "Asia/Yangon", new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private static readonly DigestSlot Slot = Daily.SlotOn(new DateOnly(2024, 1, 6));

    [Fact]
    public async Task Counts_by_kind_cover_the_window_the_window_before_and_the_four_weeks_before()
    {
        // Arrange
        var events = new[]
        {
            Clash("2024-01-05T02:00:00Z"), Clash("2024-01-06T00:59:00Z"), // in the window
            Clash("2024-01-06T01:00:00Z"), // the slot itself belongs to the next window
            Clash("2024-01-04T12:00:00Z"), // the window before
            Clash("2023-12-20T00:00:00Z"), Clash("2023-12-09T00:00:00Z"), // the four weeks before (from 8 Dec 01:00)
            Clash("2023-12-08T00:00:00Z"), // older than four weeks before the window
        };

        // Act
        var digest = await ComposeAsync(Subscribed(), events);

        // Assert
        var clashes = digest.Trends.Single(trend => trend.Kind == EventKind.BorderClash);
        Assert.Equal((2, 1, 3), (clashes.Current, clashes.Previous, clashes.FourWeeks));
        Assert.Equal(1.0, clashes.WindowDays, 9);
        Assert.Equal(2, digest.EventCount);
        Assert.Equal([EventKind.BorderClash, EventKind.CeasefireCall, EventKind.TradeDisruption], digest.Trends.Select(trend => trend.Kind));
    }

    [Fact]
    public async Task Only_verified_events_the_subscription_matches_count()
    {
        var events = new[]
        {
            Clash("2024-01-05T12:00:00Z"),
            new EventBuilder().WithSubtype(EventSubtype.CrossingClosed).OccurredOn(At("2024-01-05T12:00:00Z")).Build(),
            new EventBuilder().OccurredOn(At("2024-01-05T12:00:00Z")).WithStatus(EventStatus.Pending).Build(),
            new EventBuilder().OccurredOn(At("2024-01-05T12:00:00Z")).AtPlace("Lashio").OnBorder(null).Build(),
        };

        var digest = await ComposeAsync(Subscribed(builder => builder.WithKinds(EventKind.BorderClash).WithRegions("CN-MM")), events);

        Assert.Equal(1, digest.EventCount);
        Assert.Equal([EventKind.BorderClash], digest.Trends.Select(trend => trend.Kind));
        Assert.Empty(digest.Crossings);
    }

    [Fact]
    public async Task Top_events_are_the_most_severe_then_the_latest_and_at_most_five()
    {
        // Arrange
        var strike = new EventBuilder().WithSubtype(EventSubtype.AirStrike).WithFigure(FigureKind.Fatalities, 29).OccurredOn(At("2024-01-05T03:00:00Z")).Build();
        var clashes = Enumerable.Range(0, 6).Select(hour => Clash($"2024-01-05T{10 + hour}:00:00Z")).ToArray();

        // Act
        var digest = await ComposeAsync(Subscribed(), [strike, .. clashes]);

        // Assert
        Assert.Equal([strike.Id, clashes[5].Id, clashes[4].Id, clashes[3].Id, clashes[2].Id], digest.TopEvents.Select(line => line.Id));
        Assert.Equal(Severity.Critical, digest.TopEvents[0].Severity);
    }

    [Fact]
    public async Task Ceasefire_and_trade_sections_list_the_latest_of_their_kind_and_count_them_all()
    {
        var calls = Enumerable.Range(0, 7).Select(hour => new EventBuilder().WithSubtype(EventSubtype.CeasefireCalled).OccurredOn(At($"2024-01-05T{10 + hour}:00:00Z")).Build()).ToArray();
        var closure = new EventBuilder().WithSubtype(EventSubtype.CrossingClosed).OccurredOn(At("2024-01-05T09:00:00Z")).Build();

        var digest = await ComposeAsync(Subscribed(), [.. calls, closure]);

        Assert.Equal(7, digest.CeasefireCount);
        Assert.Equal(calls.Reverse().Take(DigestComposer.Listed).Select(call => call.Id), digest.Ceasefire.Select(line => line.Id));
        Assert.Equal((1, closure.Id), (digest.TradeCount, Assert.Single(digest.Trade).Id));
    }

    [Fact]
    public async Task Displacement_lists_every_report_of_the_figure_largest_conservative_figure_first()
    {
        var camp = new EventBuilder().OccurredOn(At("2024-01-05T10:00:00Z"))
            .WithFigure(FigureKind.Displaced, 23_000, "Mizzima").WithFigure(FigureKind.Displaced, 50_000, "UN OCHA").Build();
        var town = new EventBuilder().OccurredOn(At("2024-01-05T11:00:00Z")).WithFigure(FigureKind.Displaced, 30_000, "Myanmar Now").Build();

        var digest = await ComposeAsync(Subscribed(), [camp, town]);

        Assert.Equal([town.Id, camp.Id], digest.Displacement.Select(line => line.Event.Id));
        Assert.Equal("23,000 displaced (as reported by Mizzima); 50,000 displaced (as reported by UN OCHA)", digest.Displacement[1].Describe());
    }

    [Fact]
    public async Task The_chart_counts_four_weeks_of_utc_days_ending_with_the_slots_day()
    {
        var digest = await ComposeAsync(Subscribed(), [Clash("2024-01-05T12:00:00Z"), Clash("2023-12-10T00:00:00Z"), Clash("2023-12-09T23:00:00Z")]);

        Assert.Equal((new DateOnly(2023, 12, 10), new DateOnly(2024, 1, 6)), (digest.ChartFrom, digest.ChartTo));
        Assert.Equal([(new DateOnly(2023, 12, 10), 1), (new DateOnly(2024, 1, 5), 1)], digest.PerDay.Select(count => (count.Day, count.Count)));
    }

    [Fact]
    public async Task A_subscription_that_covers_trade_gets_the_crossings_board_at_its_slot()
    {
        var closed = CrossingEvents.Disruption(EventSubtype.CrossingClosed, 2023, 10, 27).Build();

        var digest = await ComposeAsync(Subscribed(builder => builder.WithKinds(EventKind.TradeDisruption)), [closed]);

        var chinshwehaw = digest.Crossings.Single(crossing => crossing.Name == "Chinshwehaw");
        Assert.Equal((CrossingStatus.Closed, closed.Id), (chinshwehaw.Status, chinshwehaw.Last?.Id));
        Assert.True(digest.IsQuiet);
    }

    [Fact]
    public async Task A_window_without_events_is_quiet()
    {
        var digest = await ComposeAsync(Subscribed(), [Clash("2023-12-20T00:00:00Z")]);

        Assert.True(digest.IsQuiet);
        Assert.Equal(1, digest.Trends.Single(trend => trend.Kind == EventKind.BorderClash).FourWeeks);
    }

    [Fact]
    public async Task Many_digests_are_composed_from_one_read_of_the_events()
    {
        // Arrange
        var queries = new InMemoryEventQueries(Clash("2024-01-05T12:00:00Z"), new EventBuilder().WithSubtype(EventSubtype.CrossingClosed).OccurredOn(At("2024-01-05T12:00:00Z")).Build());
        var composer = new DigestComposer(queries, CrossingEvents.BoardOver(queries));
        var clashes = Subscribed(builder => builder.WithKinds(EventKind.BorderClash));
        var trade = Subscribed(builder => builder.WithKinds(EventKind.TradeDisruption));

        // Act
        var digests = await composer.ComposeAsync([Request(clashes), Request(trade)], CancellationToken.None);

        // Assert
        Assert.Equal([1, 1], digests.Select(digest => digest.EventCount));
        Assert.Equal([clashes.Id, trade.Id], digests.Select(digest => digest.SubscriptionId));
        Assert.Equal([EventKind.BorderClash], digests[0].Trends.Select(trend => trend.Kind));
        Assert.Equal([EventKind.TradeDisruption], digests[1].Trends.Select(trend => trend.Kind));
    }

    private static async Task<DigestContent> ComposeAsync(Subscription subscription, ConflictEvent[] events)
    {
        var queries = new InMemoryEventQueries(events);
        var composer = new DigestComposer(queries, CrossingEvents.BoardOver(queries));
        return Assert.Single(await composer.ComposeAsync([Request(subscription)], CancellationToken.None));
    }

    private static DigestRequest Request(Subscription subscription) => new(subscription, Slot, Daily.Before(Slot).At, IsLate: false);

    private static Subscription Subscribed(Func<SubscriptionBuilder, SubscriptionBuilder>? configure = null) =>
        (configure ?? (builder => builder))(new SubscriptionBuilder()).Build() with { Digest = Daily };

    private static ConflictEvent Clash(string at) => new EventBuilder().OccurredOn(At(at)).Build();

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
