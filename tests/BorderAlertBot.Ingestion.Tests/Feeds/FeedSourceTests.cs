using BorderAlertBot.Domain;
using BorderAlertBot.Ingestion.Feeds;
using BorderAlertBot.Ingestion.Tests.Infrastructure;
using BorderAlertBot.Sources;
using BorderAlertBot.Testing.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace BorderAlertBot.Ingestion.Tests.Feeds;

public sealed class FeedSourceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private readonly FeedFixture _feed = new();
    private FixtureHttpServer _server = null!;
    private SourceHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _server = await FixtureHttpServer.StartAsync(_feed.Handle);
        _harness = new SourceHarness(new FakeTimeProvider(Now),
            ("Feeds:Configured:0:Name", "desk"), ("Feeds:Configured:0:Url", new Uri(_server.BaseUrl, "feed.xml").AbsoluteUri), ("Feeds:Configured:0:Interval", "00:10:00"));
    }

    public async Task DisposeAsync()
    {
        _harness.Dispose();
        await _server.DisposeAsync();
    }

    private IEventSource Desk => _harness.Source("rss:desk");

    [Fact]
    public async Task A_matching_item_becomes_a_pending_candidate_with_its_link_text_time_and_place()
    {
        // Arrange
        var description = "<p>" + string.Concat(Enumerable.Repeat("Fighting between the MNDAA and the junta spread along the road. ", 15)) + "</p>";
        _feed.Xml = new RssFeedBuilder().Item("MNDAA seizes Chinshwehaw", "https://www.irrawaddy.com/news/chinshwehaw.html", Now.AddHours(-2), description).Build();

        // Act
        var poll = await Desk.PollAsync(SourceState.New(Desk.Name), CancellationToken.None);

        // Assert
        var candidate = Assert.Single(poll.Records).Event!;
        var key = FeedParser.Hash("https://www.irrawaddy.com/news/chinshwehaw.html");
        Assert.Equal(($"evt_rss_{key}", $"rss:{key}"), (candidate.Id.Value, Assert.Single(candidate.ExternalIds)));
        Assert.Equal((EventKind.BorderClash, EventSubtype.TerritorySeized, EventStatus.Pending), (candidate.Kind, candidate.Subtype, candidate.Status));
        Assert.Equal("MNDAA seizes Chinshwehaw", candidate.Title);
        Assert.True(candidate.Summary.Length <= ConflictEvent.MaxSummaryLength);
        Assert.StartsWith("Fighting between the MNDAA", candidate.Summary, StringComparison.Ordinal);
        Assert.EndsWith("…", candidate.Summary, StringComparison.Ordinal);
        Assert.Equal(new Occurrence(Now.AddHours(-2), TimePrecision.Exact), candidate.Occurred);
        Assert.Equal((new GeoPoint(23.494, 98.844), LocationPrecision.Near), (candidate.Location!.Point, candidate.Location.Precision));
        Assert.Equal([new Source("irrawaddy.com", new Uri("https://www.irrawaddy.com/news/chinshwehaw.html"), Now.AddHours(-2))], candidate.Sources);
        Assert.Equal(["MNDAA", "Tatmadaw"], candidate.Actors.Select(actor => actor.ShortName));
        Assert.Equal(TimeSpan.FromMinutes(10), Desk.Interval);
    }

    [Fact]
    public async Task The_first_poll_takes_only_items_within_the_lookback_so_a_new_feed_brings_no_flood()
    {
        _feed.Xml = new RssFeedBuilder()
            .Item("Clash in Muse today", "https://news.example.org/today", Now.AddHours(-3))
            .Item("Clash in Muse last week", "https://news.example.org/last-week", Now.AddDays(-7))
            .Item("Clash in Muse, undated", "https://news.example.org/undated", null)
            .Build();

        var poll = await Desk.PollAsync(SourceState.New(Desk.Name), CancellationToken.None);

        Assert.Equal(["Clash in Muse today"], poll.Records.Select(record => record.Event!.Title));
    }

    [Fact]
    public async Task The_next_poll_is_conditional_and_a_304_leaves_nothing_new_and_the_cursor_as_it_was()
    {
        // Arrange
        _feed.Xml = new RssFeedBuilder().Item("Clash in Muse", "https://news.example.org/1", Now.AddHours(-1)).Build();
        var first = await Desk.PollAsync(SourceState.New(Desk.Name), CancellationToken.None);

        // Act
        var second = await Desk.PollAsync(SourceState.New(Desk.Name) with { Cursor = first.Cursor }, CancellationToken.None);

        // Assert
        var conditional = _server.Requests[1];
        Assert.Equal((_feed.ETag, "Sat, 28 Nov 2026 08:00:00 GMT"), (conditional.Header("If-None-Match"), conditional.Header("If-Modified-Since")));
        Assert.Null(_server.Requests[0].Header("If-None-Match"));
        Assert.Empty(second.Records);
        Assert.Equal(first.Cursor, second.Cursor);
    }

    [Fact]
    public async Task Later_polls_take_only_the_items_that_are_new_since_the_cursor()
    {
        // Arrange: the server ignores validators, so the whole feed comes back each time.
        _feed.SupportsConditionalGet = false;
        _feed.Xml = new RssFeedBuilder().Item("Clash in Muse", "https://news.example.org/1", Now.AddHours(-1)).Build();
        var first = await Desk.PollAsync(SourceState.New(Desk.Name), CancellationToken.None);
        _feed.Xml = new RssFeedBuilder()
            .Item("Shelling in Namhkan", "https://news.example.org/2", Now.AddMinutes(-5))
            .Item("Clash in Muse", "https://news.example.org/1", Now.AddHours(-1))
            .Build();

        // Act
        var second = await Desk.PollAsync(SourceState.New(Desk.Name) with { Cursor = first.Cursor }, CancellationToken.None);

        // Assert
        Assert.Equal(["Shelling in Namhkan"], second.Records.Select(record => record.Event!.Title));
    }

    [Fact]
    public async Task Items_out_of_scope_are_skipped_and_a_matching_item_without_a_link_is_an_error()
    {
        _feed.Xml = new RssFeedBuilder()
            .Item("Football in Laiza", "https://news.example.org/football", Now.AddHours(-1))
            .Item("Clash in Muse", null, Now.AddHours(-1), guid: "muse-1")
            .Build();

        var poll = await Desk.PollAsync(SourceState.New(Desk.Name), CancellationToken.None);

        var error = Assert.Single(Assert.Single(poll.Records).Errors);
        Assert.Equal(("link", "has no http(s) link to the article"), (error.Field, error.Message));
    }

    [Fact]
    public async Task A_failure_never_repeats_credentials_or_a_query_string_from_the_feeds_url()
    {
        // Arrange
        _server.Handle(_ => FixtureResponse.Empty(401));
        var url = new UriBuilder(new Uri(_server.BaseUrl, "private/feed.xml")) { UserName = "desk", Password = "hunter2", Query = "token=s3cret" }.Uri;
        using var harness = new SourceHarness(new FakeTimeProvider(Now), ("Feeds:Configured:0:Name", "private"), ("Feeds:Configured:0:Url", url.AbsoluteUri));
        var source = harness.Source("rss:private");

        // Act
        var failure = await Assert.ThrowsAsync<SourceException>(() => source.PollAsync(SourceState.New(source.Name), CancellationToken.None));

        // Assert
        Assert.Equal($"{_server.BaseUrl}private/feed.xml answered HTTP 401 Unauthorized", failure.Message);
    }

    [Fact]
    public async Task A_feed_the_server_refuses_fails_the_poll_naming_the_status()
    {
        _server.Handle(_ => FixtureResponse.Empty(404));

        var failure = await Assert.ThrowsAsync<SourceException>(() => Desk.PollAsync(SourceState.New(Desk.Name), CancellationToken.None));

        Assert.Equal($"{_server.BaseUrl}feed.xml answered HTTP 404 Not Found", failure.Message);
    }
}
