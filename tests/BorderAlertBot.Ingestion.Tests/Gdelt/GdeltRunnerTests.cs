using BorderAlertBot.Domain;
using BorderAlertBot.Ingestion.Tests.Infrastructure;
using BorderAlertBot.Serialization;
using BorderAlertBot.Testing.Builders;
using BorderAlertBot.Testing.Fixtures;

namespace BorderAlertBot.Ingestion.Tests.Gdelt;

/// <summary>GDELT through the <see cref="Sources.SourceRunner"/> into a real SQLite store, as the bot polls it.</summary>
public sealed class GdeltRunnerTests : IAsyncLifetime
{
    private readonly GdeltExportFixture _gdelt = new();
    private readonly SqliteImportHarness _store = new();
    private FixtureHttpServer _server = null!;
    private SourceHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _server = await FixtureHttpServer.StartAsync(_gdelt.Handle);
        _harness = new SourceHarness(_store.Time, ("Gdelt:Enabled", "true"), ("Gdelt:BaseUrl", new Uri(_server.BaseUrl, "gdeltv2/").AbsoluteUri));
    }

    public async Task DisposeAsync()
    {
        _harness.Dispose();
        await _server.DisposeAsync();
        _store.Dispose();
    }

    [Fact]
    public async Task Running_gdelt_again_over_the_same_export_never_duplicates_an_event()
    {
        // Arrange
        _gdelt.Publish("20231027081500", new GdeltRowBuilder(1).Build(), new GdeltRowBuilder(2).AtCity("Muse, Shan State, Myanmar", 23.9933, 97.9103, "-3718398").Build());
        var runner = _harness.Runner(_store.Store, _store.States);
        var gdelt = _harness.Source("gdelt");
        var first = await runner.RunAsync(gdelt, CancellationToken.None);
        var head = await _store.Feed.GetHeadAsync(CancellationToken.None);

        // Act: the next poll sees the same file; then, as after a crash before the cursor was stored, it reads it again.
        _store.Time.Advance(TimeSpan.FromMinutes(15));
        var second = await runner.RunAsync(gdelt, CancellationToken.None);
        await _store.States.SaveAsync(second with { Cursor = null }, CancellationToken.None);
        var third = await runner.RunAsync(gdelt, CancellationToken.None);

        // Assert
        Assert.Equal(2, head);
        Assert.Equal(head, await _store.Feed.GetHeadAsync(CancellationToken.None));
        Assert.Equal(("20231027081500.export.CSV.zip", 2L), (first.Cursor, first.ItemsSeen));
        Assert.Equal(2L, second.ItemsSeen); // Nothing read: the cursor named the file.
        Assert.Equal(("20231027081500.export.CSV.zip", 4L, 0), (third.Cursor, third.ItemsSeen, third.ConsecutiveFailures));
        Assert.Equal(2, _server.Requests.Count(request => request.Path.EndsWith(".zip", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_row_an_event_already_cites_adds_its_article_to_that_event_instead_of_a_new_one()
    {
        // Arrange: a curator's event that cites GDELT's row 1.
        var curated = new EventBuilder().WithId("evt_laukkai_fighting").WithExternalIds("gdelt:1").Build();
        var stored = curated with { Revision = new RevisionInfo(1, _store.Time.GetUtcNow(), "desk", ["created"]) };
        await _store.Store.WriteAsync([new(stored, EventDocument.Fingerprint(stored))], CancellationToken.None);
        _gdelt.Publish("20231027081500", new GdeltRowBuilder(1).Build());

        // Act
        await _harness.Runner(_store.Store, _store.States).RunAsync(_harness.Source("gdelt"), CancellationToken.None);

        // Assert
        Assert.Null(await _store.Store.TryGetAsync(EventId.Parse("evt_gdelt_1"), CancellationToken.None));
        var after = (await _store.Store.TryGetAsync(curated.Id, CancellationToken.None))!;
        Assert.Equal((curated.Title, EventStatus.Verified, 2), (after.Title, after.Status, after.Revision.Number));
        Assert.Contains(after.Sources, source => source.Url.AbsoluteUri == "https://www.irrawaddy.com/news/burma/fighting-in-laukkai.html");
    }

    [Fact]
    public async Task A_gdelt_report_of_a_clash_already_stored_is_merged_into_it_and_the_clash_gains_its_article()
    {
        // Arrange: ACLED's verified clash at Laukkai on 27 October, the military against the MNDAA.
        var acled = new EventBuilder().WithId("evt_acled_mmr23001").OccurredOn(2023, 10, 27)
            .WithActors(new Actor("Military Forces of Myanmar (2021-)", "Tatmadaw"), new Actor("MNTJP/MNDAA", "MNDAA"))
            .WithSources(new Source("ACLED", new Uri("https://acleddata.com/data/MMR23001"), null)).Build();
        var stored = acled with { Revision = new RevisionInfo(1, _store.Time.GetUtcNow(), "acled", ["created"]) };
        await _store.Store.WriteAsync([new(stored, EventDocument.Fingerprint(stored))], CancellationToken.None);
        _gdelt.Publish("20231027081500", new GdeltRowBuilder(7).Build());

        // Act: the bot's runner (merging) reads the export twice.
        var runner = _harness.Runner(_store.Store, _store.States, queries: _store.Queries);
        var first = await runner.RunAsync(_harness.Source("gdelt"), CancellationToken.None);
        await _store.States.SaveAsync((await _store.States.TryGetAsync("gdelt", CancellationToken.None))! with { Cursor = null }, CancellationToken.None);
        await runner.RunAsync(_harness.Source("gdelt"), CancellationToken.None);

        // Assert: the report is kept as merged; the clash gains the article and stays verified; nothing twice.
        var report = (await _store.Store.TryGetAsync(EventId.Parse("evt_gdelt_7"), CancellationToken.None))!;
        var clash = (await _store.Store.TryGetAsync(acled.Id, CancellationToken.None))!;
        Assert.Equal((EventStatus.Merged, acled.Id), (report.Status, report.MergedInto));
        Assert.Equal((EventStatus.Verified, 2, "2 reports · 2 sources"), (clash.Status, clash.Revision.Number, clash.Corroboration));
        Assert.Contains("gdelt:7", clash.ExternalIds);
        Assert.Equal([report.Id], clash.MergedReports);
        Assert.Null(first.LastError);
    }

    [Fact]
    public async Task Stored_gdelt_candidates_are_pending_and_only_the_city_row_is_placed_on_the_border()
    {
        // Arrange
        _gdelt.Publish("20231027081500",
            new GdeltRowBuilder(1).AtCountryCentroid().Build(),
            new GdeltRowBuilder(2).AtRegion("Shan State, Myanmar", "BM11", 22.0, 98.0).Build(),
            new GdeltRowBuilder(3).Build());

        // Act
        await _harness.Runner(_store.Store, _store.States).RunAsync(_harness.Source("gdelt"), CancellationToken.None);

        // Assert
        var stored = new List<ConflictEvent>();
        foreach (var id in new[] { "evt_gdelt_1", "evt_gdelt_2", "evt_gdelt_3" })
        {
            stored.Add((await _store.Store.TryGetAsync(EventId.Parse(id), CancellationToken.None))!);
        }

        Assert.All(stored, candidate => Assert.Equal(EventStatus.Pending, candidate.Status));
        Assert.Equal([null, null, "CN-MM"], stored.Select(candidate => candidate.Border?.Pair.ToString()));
        Assert.Null(stored[0].Location!.Point);
    }
}
