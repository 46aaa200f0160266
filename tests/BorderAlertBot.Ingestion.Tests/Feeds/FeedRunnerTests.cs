using BorderAlertBot.Domain;
using BorderAlertBot.Ingestion.Feeds;
using BorderAlertBot.Ingestion.Tests.Infrastructure;
using BorderAlertBot.Serialization;
using BorderAlertBot.Sources;
using BorderAlertBot.Testing.Builders;
using BorderAlertBot.Testing.Fixtures;

namespace BorderAlertBot.Ingestion.Tests.Feeds;

/// <summary>A feed through the <see cref="SourceRunner"/> into a real SQLite store, with the clock driven by the test.</summary>
public sealed class FeedRunnerTests : IAsyncLifetime
{
    private readonly FeedFixture _feed = new();
    private readonly SqliteImportHarness _store = new();
    private readonly SourcesOptions _sources = new() { FirstRetryDelay = TimeSpan.FromMinutes(1), MaxRetryDelay = TimeSpan.FromMinutes(30), FailuresBeforeDisable = 4 };
    private FixtureHttpServer _server = null!;
    private SourceHarness _harness = null!;

    private DateTimeOffset Now => _store.Time.GetUtcNow();

    public async Task InitializeAsync()
    {
        _server = await FixtureHttpServer.StartAsync(_feed.Handle);
        _harness = new SourceHarness(_store.Time, ("Feeds:Configured:0:Name", "desk"), ("Feeds:Configured:0:Url", new Uri(_server.BaseUrl, "feed.xml").AbsoluteUri));
        _feed.Xml = new RssFeedBuilder()
            .Item("Clash in Muse", "https://news.example.org/muse", Now.AddHours(-1))
            .Item("Air strike near Laiza", "https://news.example.org/laiza", Now.AddHours(-2))
            .Build();
    }

    public async Task DisposeAsync()
    {
        _harness.Dispose();
        await _server.DisposeAsync();
        _store.Dispose();
    }

    private IEventSource Desk => _harness.Source("rss:desk");

    private SourceRunner Runner => _harness.Runner(_store.Store, _store.States, _sources);

    [Fact]
    public async Task A_failing_feed_backs_off_doubling_and_is_disabled_with_the_reason_until_enabled()
    {
        // Arrange
        var runner = Runner;
        await runner.RunAsync(Desk, CancellationToken.None);
        var cursor = (await runner.GetStateAsync(Desk, CancellationToken.None)).Cursor;
        _server.Handle(_ => FixtureResponse.Empty(503));

        // Act
        var waits = new List<TimeSpan?>();
        SourceState state = null!;
        for (var i = 0; i < 4; i++)
        {
            state = await runner.RunAsync(Desk, CancellationToken.None);
            waits.Add(state.NextPollAt - Now);
            _store.Time.Advance(TimeSpan.FromMinutes(10));
        }

        var requestsWhileDisabled = _server.Requests.Count;
        await runner.RunAsync(Desk, CancellationToken.None);

        // Assert
        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), null], waits);
        Assert.Equal($"disabled after 4 failed polls in a row; the last: {_server.BaseUrl}feed.xml answered HTTP 503 Service Unavailable", state.DisabledReason);
        Assert.Equal(cursor, state.Cursor);
        Assert.Equal(requestsWhileDisabled, _server.Requests.Count);

        // Act: fixed, and enabled by an operator.
        _server.Handle(_feed.Handle);
        await runner.EnableAsync(Desk.Name, CancellationToken.None);
        var enabled = await runner.RunAsync(Desk, CancellationToken.None);

        // Assert
        Assert.Equal((null, 0, Now + TimeSpan.FromMinutes(15)), (enabled.DisabledReason, enabled.ConsecutiveFailures, enabled.NextPollAt));
    }

    [Fact]
    public async Task A_feed_that_serves_garbage_fails_with_the_reason()
    {
        _server.Handle(_ => FixtureResponse.Text("<html><body>Maintenance</body>", "text/html"));

        var state = await Runner.RunAsync(Desk, CancellationToken.None);

        Assert.StartsWith("the feed is not well-formed XML (", state.LastError, StringComparison.Ordinal);
        Assert.Equal((1, Now + TimeSpan.FromMinutes(1)), (state.ConsecutiveFailures, state.NextPollAt));
    }

    [Fact]
    public async Task A_feed_whose_server_refuses_connections_fails_and_says_it_could_not_be_read()
    {
        var url = _server.BaseUrl;
        await _server.DisposeAsync();

        var state = await Runner.RunAsync(Desk, CancellationToken.None);

        Assert.StartsWith($"{url}feed.xml could not be read: ", state.LastError, StringComparison.Ordinal);
        Assert.Equal(1, state.ConsecutiveFailures);
        _server = await FixtureHttpServer.StartAsync(_feed.Handle);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Running_a_feed_again_never_duplicates_an_event(bool supportsConditionalGet)
    {
        // Arrange
        _feed.SupportsConditionalGet = supportsConditionalGet;
        var runner = Runner;
        await runner.RunAsync(Desk, CancellationToken.None);
        var head = await _store.Feed.GetHeadAsync(CancellationToken.None);

        // Act: polled again; then once more as if the cursor had been lost (the first-poll rule applies again).
        _store.Time.Advance(TimeSpan.FromMinutes(15));
        await runner.RunAsync(Desk, CancellationToken.None);
        var state = await runner.GetStateAsync(Desk, CancellationToken.None);
        await _store.States.SaveAsync(state with { Cursor = null }, CancellationToken.None);
        var last = await runner.RunAsync(Desk, CancellationToken.None);

        // Assert
        Assert.Equal(2, head);
        Assert.Equal(head, await _store.Feed.GetHeadAsync(CancellationToken.None));
        Assert.Equal(0, last.ConsecutiveFailures);
        string?[] validators = supportsConditionalGet ? [null, _feed.ETag, null] : [null, null, null];
        Assert.Equal(validators, _server.Requests.Select(request => request.Header("If-None-Match")));
    }

    [Fact]
    public async Task An_item_already_stored_under_its_external_id_gains_the_link_instead_of_a_second_event()
    {
        // Arrange: a curator's event that already cites the feed item.
        var key = FeedParser.Hash("https://news.example.org/muse");
        var curated = new EventBuilder().WithId("evt_muse_clash").WithExternalIds($"rss:{key}").Build();
        var stored = curated with { Revision = new RevisionInfo(1, Now, "desk-editor", ["created"]) };
        await _store.Store.WriteAsync([new(stored, EventDocument.Fingerprint(stored))], CancellationToken.None);

        // Act
        await Runner.RunAsync(Desk, CancellationToken.None);

        // Assert
        Assert.Null(await _store.Store.TryGetAsync(EventId.Parse($"evt_rss_{key}"), CancellationToken.None));
        var after = (await _store.Store.TryGetAsync(curated.Id, CancellationToken.None))!;
        Assert.Equal((curated.Title, EventStatus.Verified), (after.Title, after.Status));
        Assert.Contains(after.Sources, source => source.Url.AbsoluteUri == "https://news.example.org/muse");
        Assert.NotNull(await _store.Store.TryGetAsync(EventId.Parse($"evt_rss_{FeedParser.Hash("https://news.example.org/laiza")}"), CancellationToken.None));
    }

    [Fact]
    public async Task Two_feeds_carrying_one_article_make_one_event()
    {
        // Arrange
        using var harness = new SourceHarness(_store.Time,
            ("Feeds:Configured:0:Name", "desk"), ("Feeds:Configured:0:Url", new Uri(_server.BaseUrl, "feed.xml").AbsoluteUri),
            ("Feeds:Configured:1:Name", "mirror"), ("Feeds:Configured:1:Url", new Uri(_server.BaseUrl, "feed.xml").AbsoluteUri));
        var runner = harness.Runner(_store.Store, _store.States, _sources);

        // Act
        await runner.RunAsync(harness.Source("rss:desk"), CancellationToken.None);
        var mirror = await runner.RunAsync(harness.Source("rss:mirror"), CancellationToken.None);

        // Assert
        Assert.Equal(2, await _store.Feed.GetHeadAsync(CancellationToken.None));
        Assert.Equal(2L, mirror.ItemsSeen);
    }
}
