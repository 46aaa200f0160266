using BorderAlertBot.Domain;
using BorderAlertBot.Storage;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Testing.Contracts;

public abstract partial class EventStoreContract
{
    [SkippableFact]
    public async Task Latest_lists_newest_occurrence_first_up_to_the_limit()
    {
        var store = await CreateStoreAsync();
        var october = await StoreAsync(store, new EventBuilder().OccurredOn(2023, 10, 27));
        var january = await StoreAsync(store, new EventBuilder().OccurredOn(2024, 1, 5));
        var november = await StoreAsync(store, new EventBuilder().OccurredOn(2023, 11, 23));

        var latest = await store.Queries.LatestAsync(EventFilter.Everything, 2, CancellationToken.None);

        Assert.Equal([january.Id, november.Id], latest.Select(e => e.Id));
        Assert.DoesNotContain(october.Id, latest.Select(e => e.Id));
    }

    [SkippableFact]
    public async Task Latest_filters_by_kind_status_and_minimum_severity()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var strike = await StoreAsync(store, new EventBuilder().WithSubtype(EventSubtype.AirStrike).WithFigure(FigureKind.Fatalities, 29));
        var closure = await StoreAsync(store, new EventBuilder().WithSubtype(EventSubtype.CrossingClosed));
        var pending = await StoreAsync(store, new EventBuilder().WithSubtype(EventSubtype.ArmedClash).WithStatus(EventStatus.Pending));

        // Act
        var trade = await store.Queries.LatestAsync(new EventFilter { Kinds = [EventKind.TradeDisruption] }, 10, CancellationToken.None);
        var verified = await store.Queries.LatestAsync(new EventFilter { Statuses = [EventStatus.Verified] }, 10, CancellationToken.None);
        var critical = await store.Queries.LatestAsync(new EventFilter { MinSeverity = Severity.Critical }, 10, CancellationToken.None);

        // Assert
        Assert.Equal([closure.Id], trade.Select(e => e.Id));
        Assert.Equal(new[] { strike.Id, closure.Id }.ToHashSet(), verified.Select(e => e.Id).ToHashSet());
        Assert.DoesNotContain(pending.Id, verified.Select(e => e.Id));
        Assert.Equal([strike.Id], critical.Select(e => e.Id));
    }

    [SkippableFact]
    public async Task Latest_filters_by_time_with_an_inclusive_start_and_exclusive_end()
    {
        var store = await CreateStoreAsync();
        await StoreAsync(store, new EventBuilder().OccurredOn(2023, 10, 31));
        var first = await StoreAsync(store, new EventBuilder().OccurredOn(2023, 11, 1));
        var last = await StoreAsync(store, new EventBuilder().OccurredOn(2023, 11, 30));
        await StoreAsync(store, new EventBuilder().OccurredOn(2023, 12, 1));

        var november = await store.Queries.LatestAsync(
            new EventFilter { From = new DateTimeOffset(2023, 11, 1, 0, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2023, 12, 1, 0, 0, 0, TimeSpan.Zero) },
            10, CancellationToken.None);

        Assert.Equal([last.Id, first.Id], november.Select(e => e.Id));
    }

    [SkippableTheory]
    [InlineData("MM", new[] { "muse", "laiza" })]
    [InlineData("CN-MM", new[] { "muse" })]
    [InlineData("mm-cn", new[] { "muse" })]
    [InlineData("Kunming", new[] { "kunming" })]
    [InlineData("shan-north", new[] { "muse" })]
    [InlineData("Lashio", new string[0])]
    public async Task Latest_filters_by_region(string region, string[] expected)
    {
        // Arrange
        var store = await CreateStoreAsync();
        var ids = new Dictionary<string, EventId>
        {
            ["muse"] = (await StoreAsync(store, new EventBuilder().AtPlace("Muse", "Shan-North").OnBorder("CN-MM"))).Id,
            ["laiza"] = (await StoreAsync(store, new EventBuilder().AtPlace("Laiza", "Kachin").OnBorder(null))).Id,
            ["kunming"] = (await StoreAsync(store, new EventBuilder().AtPlace("Kunming", "Yunnan", "CN").OnBorder(null))).Id,
        };

        // Act
        var found = await store.Queries.LatestAsync(new EventFilter { Region = RegionFilter.Parse(region) }, 10, CancellationToken.None);

        // Assert
        Assert.Equal(expected.Select(name => ids[name]).ToHashSet(), found.Select(e => e.Id).ToHashSet());
    }

    [SkippableFact]
    public async Task Counts_are_per_kind_and_utc_day_within_the_window()
    {
        // Arrange
        var store = await CreateStoreAsync();
        await StoreAsync(store, new EventBuilder().WithSubtype(EventSubtype.ArmedClash).OccurredOn(2023, 10, 27));
        await StoreAsync(store, new EventBuilder().WithSubtype(EventSubtype.TerritorySeized).OccurredOn(new DateTimeOffset(2023, 10, 27, 23, 0, 0, TimeSpan.Zero)));
        await StoreAsync(store, new EventBuilder().WithSubtype(EventSubtype.CrossingClosed).OccurredOn(2023, 10, 27));
        await StoreAsync(store, new EventBuilder().WithSubtype(EventSubtype.ArmedClash).OccurredOn(2023, 10, 28));
        await StoreAsync(store, new EventBuilder().WithSubtype(EventSubtype.ArmedClash).OccurredOn(2023, 11, 5));

        // Act
        var counts = await store.Queries.CountByKindAndDayAsync(
            new EventFilter { From = new DateTimeOffset(2023, 10, 27, 0, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2023, 11, 1, 0, 0, 0, TimeSpan.Zero) },
            CancellationToken.None);

        // Assert
        Assert.Equal(
            [
                new DailyCount(new DateOnly(2023, 10, 27), EventKind.BorderClash, 2),
                new DailyCount(new DateOnly(2023, 10, 27), EventKind.TradeDisruption, 1),
                new DailyCount(new DateOnly(2023, 10, 28), EventKind.BorderClash, 1),
            ],
            counts);
    }

    [SkippableFact]
    public async Task Counts_see_each_events_current_revision_and_the_partial_days_at_both_ends_of_the_window()
    {
        // Arrange
        var store = await CreateStoreAsync();
        static DateTimeOffset At(int day, int hour) => new(2023, 10, day, hour, 0, 0, TimeSpan.Zero);
        await StoreAsync(store, new EventBuilder().OccurredOn(At(27, 10), TimePrecision.Exact));
        await StoreAsync(store, new EventBuilder().OccurredOn(At(27, 13), TimePrecision.Exact));
        var pending = await StoreAsync(store, new EventBuilder().WithSubtype(EventSubtype.CrossingClosed).WithStatus(EventStatus.Pending).OccurredOn(2023, 10, 28));
        var redated = await StoreAsync(store, new EventBuilder().OccurredOn(2023, 10, 29));
        var retracted = await StoreAsync(store, new EventBuilder().OccurredOn(2023, 10, 29));
        await StoreAsync(store, new EventBuilder().AtPlace("Kunming", "Yunnan", "CN").OnBorder(null).OccurredOn(2023, 10, 29));
        await StoreAsync(store, new EventBuilder().OccurredOn(At(31, 6), TimePrecision.Exact));
        await StoreAsync(store, new EventBuilder().OccurredOn(At(31, 18), TimePrecision.Exact));
        await store.Events.WriteAsync(
            [
                Next(pending with { Status = EventStatus.Verified }, 2, "status Pending → Verified"),
                Next(redated with { Occurred = new Occurrence(At(30, 0), TimePrecision.Day) }, 2, "occurred changed"),
                Next(retracted with { Status = EventStatus.Retracted, StatusReason = "duplicate report" }, 2, "status Verified → Retracted"),
            ],
            CancellationToken.None);
        var window = new EventFilter { Statuses = [EventStatus.Verified], From = At(27, 12), To = At(31, 12) };

        // Act
        var counts = await store.Queries.CountByKindAndDayAsync(window, CancellationToken.None);
        var onTheBorder = await store.Queries.CountByKindAndDayAsync(window with { Region = RegionFilter.Parse("CN-MM") }, CancellationToken.None);

        // Assert
        Assert.Equal(
            [
                new DailyCount(new DateOnly(2023, 10, 27), EventKind.BorderClash, 1),
                new DailyCount(new DateOnly(2023, 10, 28), EventKind.TradeDisruption, 1),
                new DailyCount(new DateOnly(2023, 10, 29), EventKind.BorderClash, 1),
                new DailyCount(new DateOnly(2023, 10, 30), EventKind.BorderClash, 1),
                new DailyCount(new DateOnly(2023, 10, 31), EventKind.BorderClash, 1),
            ],
            counts);
        Assert.DoesNotContain(new DailyCount(new DateOnly(2023, 10, 29), EventKind.BorderClash, 1), onTheBorder);
        Assert.Equal(4, onTheBorder.Count);
    }

    [SkippableFact]
    public async Task Counts_of_an_event_created_and_revised_in_one_write_follow_its_last_revision()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var created = new EventBuilder().WithSubtype(EventSubtype.CrossingClosed).WithStatus(EventStatus.Pending).OccurredOn(2023, 10, 28).Build();
        await store.Events.WriteAsync(
            [
                First(created),
                Next(created with { Status = EventStatus.Verified }, 2, "status Pending → Verified"),
                Next(created with { Status = EventStatus.Verified, Occurred = new Occurrence(new DateTimeOffset(2023, 10, 29, 0, 0, 0, TimeSpan.Zero), TimePrecision.Day) }, 3, "occurred changed"),
            ],
            CancellationToken.None);
        var window = new EventFilter { From = new DateTimeOffset(2023, 10, 27, 0, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2023, 11, 1, 0, 0, 0, TimeSpan.Zero) };

        // Act
        var everything = await store.Queries.CountByKindAndDayAsync(window, CancellationToken.None);
        var pending = await store.Queries.CountByKindAndDayAsync(window with { Statuses = [EventStatus.Pending] }, CancellationToken.None);

        // Assert
        Assert.Equal([new DailyCount(new DateOnly(2023, 10, 29), EventKind.TradeDisruption, 1)], everything);
        Assert.Empty(pending);
    }

    [SkippableFact]
    public async Task Top_by_severity_lists_the_most_severe_first_then_the_latest_even_behind_many_newer_lesser_events()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var oldCritical = await StoreAsync(store, new EventBuilder().WithSubtype(EventSubtype.AirStrike).WithFigure(FigureKind.Fatalities, 29).OccurredOn(2023, 10, 9));
        var high = await StoreAsync(store, new EventBuilder().WithSubtype(EventSubtype.TerritorySeized).OccurredOn(2023, 10, 27));
        var newCritical = await StoreAsync(store, new EventBuilder().WithSubtype(EventSubtype.ArmedClash).WithFigure(FigureKind.Displaced, 50_000).OccurredOn(2023, 11, 6));
        var lesser = new List<EventId>();
        for (var day = 1; day <= 12; day++)
        {
            lesser.Add((await StoreAsync(store, new EventBuilder().WithSubtype(EventSubtype.ArmedClash).OccurredOn(2023, 12, day))).Id);
        }

        var significant = await StoreAsync(store, new EventBuilder().WithSubtype(EventSubtype.Shelling).OccurredOn(2023, 11, 20));

        // Act
        var top = await store.Queries.TopBySeverityAsync(EventFilter.Everything, 4, CancellationToken.None);
        var five = await store.Queries.TopBySeverityAsync(EventFilter.Everything, 5, CancellationToken.None);

        // Assert
        Assert.Equal([newCritical.Id, oldCritical.Id, high.Id, significant.Id], top.Select(e => e.Id));
        Assert.Equal(lesser[^1], five[^1].Id);
        Assert.Empty(await store.Queries.TopBySeverityAsync(EventFilter.Everything, 0, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Top_by_severity_ranks_by_the_effective_severity_and_honours_the_filter()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var overridden = await StoreAsync(store, new EventBuilder().WithSubtype(EventSubtype.ArmedClash).WithSeverityOverride(Severity.Critical, "largest town").OccurredOn(2023, 11, 2));
        var high = await StoreAsync(store, new EventBuilder().WithSubtype(EventSubtype.TerritorySeized).OccurredOn(2023, 11, 3));
        var moderate = await StoreAsync(store, new EventBuilder().WithSubtype(EventSubtype.ArmedClash).OccurredOn(2023, 11, 4));
        var trade = await StoreAsync(store, new EventBuilder().WithSubtype(EventSubtype.CrossingClosed).OccurredOn(2023, 11, 5));
        await StoreAsync(store, new EventBuilder().WithSubtype(EventSubtype.TerritorySeized).WithStatus(EventStatus.Pending).OccurredOn(2023, 11, 6));
        await StoreAsync(store, new EventBuilder().WithSubtype(EventSubtype.TerritorySeized).OccurredOn(2023, 10, 31));
        await StoreAsync(store, new EventBuilder().WithSubtype(EventSubtype.TerritorySeized).OccurredOn(2023, 12, 1));
        await StoreAsync(store, new EventBuilder().WithSubtype(EventSubtype.TerritorySeized).AtPlace("Kunming", "Yunnan", "CN").OnBorder(null).OccurredOn(2023, 11, 7));
        var november = new EventFilter
        {
            Statuses = [EventStatus.Verified],
            Region = RegionFilter.Parse("CN-MM"),
            From = new DateTimeOffset(2023, 11, 1, 0, 0, 0, TimeSpan.Zero),
            To = new DateTimeOffset(2023, 12, 1, 0, 0, 0, TimeSpan.Zero),
        };

        // Act
        var all = await store.Queries.TopBySeverityAsync(november, 10, CancellationToken.None);
        var severe = await store.Queries.TopBySeverityAsync(november with { MinSeverity = Severity.High }, 10, CancellationToken.None);
        var clashes = await store.Queries.TopBySeverityAsync(november with { Kinds = [EventKind.BorderClash] }, 10, CancellationToken.None);

        // Assert
        Assert.Equal([overridden.Id, high.Id, trade.Id, moderate.Id], all.Select(e => e.Id));
        Assert.Equal([overridden.Id, high.Id], severe.Select(e => e.Id));
        Assert.Equal([overridden.Id, high.Id, moderate.Id], clashes.Select(e => e.Id));
    }

    [SkippableFact]
    public async Task Search_finds_words_in_title_summary_place_and_actors()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var byTitle = await StoreAsync(store, new EventBuilder().WithTitle("Drone attack burns trucks").WithActors(new Actor("Unidentified Armed Group (Myanmar)", "UAG")));
        var bySummary = await StoreAsync(store, new EventBuilder().WithSummary("Cargo trucks were stranded at the gate.").WithActors(new Actor("Civilians (Myanmar)", "Civilians")));
        var byPlace = await StoreAsync(store, new EventBuilder().AtPlace("Chinshwehaw").WithActors(new Actor("Civilians (Myanmar)", "Civilians")));
        var byActor = await StoreAsync(store, new EventBuilder().WithActors(new Actor("PSLF/TNLA: Palaung State Liberation Front/Ta'ang National Liberation Army", "TNLA")));

        // Act and assert
        Assert.Equal(new[] { byTitle.Id, bySummary.Id }.ToHashSet(), (await Search(store, "trucks")).ToHashSet());
        Assert.Equal([byPlace.Id], await Search(store, "chinshwehaw"));
        Assert.Equal([byActor.Id], await Search(store, "TNLA"));
        Assert.Equal([byActor.Id], await Search(store, "Palaung"));
        Assert.Equal([byTitle.Id], await Search(store, "drone truck"));
    }

    [SkippableFact]
    public async Task Search_treats_query_syntax_in_user_text_as_plain_words()
    {
        var store = await CreateStoreAsync();
        var laukkai = await StoreAsync(store, new EventBuilder().WithTitle("Laukkai command surrenders"));

        Assert.Empty(await Search(store, "\" OR title:* NEAR("));
        Assert.Empty(await Search(store, "   "));
        Assert.Equal([laukkai.Id], await Search(store, "laukkai) AND (\"surrenders"));
    }

    [SkippableFact]
    public async Task Search_sees_the_current_revision_only_and_honours_filters()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var stored = await StoreAsync(store, new EventBuilder().WithTitle("Gate closed at Muse").OccurredOn(2023, 11, 1));
        await store.Events.WriteAsync([Next(stored with { Title = "Gate reopened at Muse" }, 2)], CancellationToken.None);
        await StoreAsync(store, new EventBuilder().WithTitle("Gate talks at Muse").WithStatus(EventStatus.Pending));

        // Act and assert
        Assert.Empty(await Search(store, "closed"));
        Assert.Equal([stored.Id], await Search(store, "reopened"));
        Assert.Equal([stored.Id], await Search(store, "gate", new EventFilter { Statuses = [EventStatus.Verified] }));
    }

    private static async Task<List<EventId>> Search(StoreUnderTest store, string text, EventFilter? filter = null) =>
        (await store.Queries.SearchAsync(text, filter ?? EventFilter.Everything, 10, CancellationToken.None)).Select(e => e.Id).ToList();
}
