using BorderAlertBot.Cli;
using BorderAlertBot.Testing.Fixtures;
using BorderAlertBot.Tests.Support;

namespace BorderAlertBot.Tests.Cli;

public sealed class SourcesCommandTests : IAsyncLifetime
{
    // The CLI runs on the real clock, so the item is an hour old whenever the test runs.
    private const string Link = "https://news.example.org/muse-clash";

    private readonly BotData _data = new();
    private FixtureHttpServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await FixtureHttpServer.StartAsync(_ => FixtureResponse.Text(FeedFixtures.Rss(("Clash in Muse", Link, TimeProvider.System.GetUtcNow().AddHours(-1))), "application/rss+xml"));

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Status_without_sources_says_none_is_configured_and_where_to_configure_them()
    {
        var status = await new CliRunner(_data.DatabasePath).RunAsync("sources", "status");

        Assert.Equal(ExitCodes.Success, status.ExitCode);
        Assert.Equal("No sources are configured (see Acled, Gdelt, Feeds and DropFolder in the README)." + Environment.NewLine, status.Output);
    }

    [Fact]
    public async Task Status_shows_a_configured_feed_that_was_never_polled_as_due_now()
    {
        var status = await Cli().RunAsync("sources", "status");

        Assert.Equal(
            string.Join(Environment.NewLine, "rss:desk: not polled yet", "  last success: never", "  last error:   none", "  items seen:   0", "  next poll:    now", string.Empty),
            status.Output);
    }

    [Fact]
    public async Task Poll_reads_the_feed_now_imports_its_candidate_and_shows_the_state_after()
    {
        // Act
        var poll = await Cli().RunAsync("sources", "poll", "rss:desk");
        var shown = await Cli().RunAsync("events", "show", FeedFixtures.EventIdOf(Link));

        // Assert
        Assert.Equal(ExitCodes.Success, poll.ExitCode);
        Assert.StartsWith("rss:desk: ok" + Environment.NewLine, poll.Output, StringComparison.Ordinal);
        Assert.Contains("  items seen:   1", poll.Output, StringComparison.Ordinal);
        Assert.Contains("  next poll:    ", poll.Output, StringComparison.Ordinal);
        Assert.Contains("(in 15 min)", poll.Output, StringComparison.Ordinal);
        Assert.Contains("Clash in Muse", shown.Output, StringComparison.Ordinal);
        Assert.Contains("Pending", shown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_poll_exits_1_with_the_reason_and_the_retry_time()
    {
        _server.Handle(_ => FixtureResponse.Empty(503));

        var poll = await Cli().RunAsync("sources", "poll", "rss:desk");

        Assert.Equal(ExitCodes.Failed, poll.ExitCode);
        Assert.StartsWith("rss:desk: failing (1 in a row)" + Environment.NewLine, poll.Output, StringComparison.Ordinal);
        Assert.Contains($"feed.xml answered HTTP 503 Service Unavailable", poll.Output, StringComparison.Ordinal);
        Assert.Contains("(in 1 min)", poll.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Poll_names_the_configured_sources_when_the_name_is_unknown()
    {
        var poll = await Cli().RunAsync("sources", "poll", "rss:nope");

        Assert.Equal(ExitCodes.Failed, poll.ExitCode);
        Assert.Equal("No source named 'rss:nope' (configured: rss:desk)." + Environment.NewLine, poll.Error);
    }

    [Fact]
    public async Task A_source_disabled_after_failures_shows_why_and_is_enabled_again()
    {
        // Arrange: one failure disables it.
        _server.Handle(_ => FixtureResponse.Text("<html>", "text/html"));
        var cli = Cli(("Sources:FailuresBeforeDisable", "1"));
        var poll = await cli.RunAsync("sources", "poll", "rss:desk");

        // Act
        var status = await cli.RunAsync("sources", "status");
        var enable = await cli.RunAsync("sources", "enable", "rss:desk");
        var after = await cli.RunAsync("sources", "status");

        // Assert
        Assert.Equal(ExitCodes.Failed, poll.ExitCode);
        Assert.StartsWith("rss:desk: DISABLED" + Environment.NewLine, status.Output, StringComparison.Ordinal);
        Assert.Contains("  next poll:    none — disabled after 1 failed polls in a row; the last: the feed is not well-formed XML (", status.Output, StringComparison.Ordinal);
        Assert.Contains("; run 'sources enable rss:desk' once it is fixed", status.Output, StringComparison.Ordinal);
        Assert.Equal((ExitCodes.Success, "rss:desk enabled; the running bot polls it within a minute." + Environment.NewLine), (enable.ExitCode, enable.Output));
        Assert.StartsWith("rss:desk: not polled successfully yet" + Environment.NewLine, after.Output, StringComparison.Ordinal);
        Assert.Contains("  last error:   ", after.Output, StringComparison.Ordinal);
        Assert.Contains("  next poll:    now", after.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_no_longer_configured_is_still_shown_and_says_so()
    {
        await Cli().RunAsync("sources", "poll", "rss:desk");

        var status = await new CliRunner(_data.DatabasePath).RunAsync("sources", "status");

        Assert.StartsWith("rss:desk: ok (no longer configured)" + Environment.NewLine, status.Output, StringComparison.Ordinal);
    }

    private CliRunner Cli(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Feeds:Configured:0:Name"] = "desk",
            ["Feeds:Configured:0:Url"] = new Uri(_server.BaseUrl, "feed.xml").AbsoluteUri,
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return new CliRunner(_data.DatabasePath, settings);
    }
}
