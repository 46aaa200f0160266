using BorderAlertBot.Ingestion.Gdelt;
using BorderAlertBot.Ingestion.Tests.Infrastructure;
using BorderAlertBot.Sources;
using BorderAlertBot.Testing.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace BorderAlertBot.Ingestion.Tests.Gdelt;

public sealed class GdeltSourceTests : IAsyncLifetime
{
    private readonly GdeltExportFixture _gdelt = new();
    private FixtureHttpServer _server = null!;
    private SourceHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _server = await FixtureHttpServer.StartAsync(_gdelt.Handle);
        _harness = new SourceHarness(new FakeTimeProvider(new DateTimeOffset(2023, 10, 27, 8, 20, 0, TimeSpan.Zero)),
            ("Gdelt:Enabled", "true"), ("Gdelt:BaseUrl", new Uri(_server.BaseUrl, "gdeltv2").AbsoluteUri));
    }

    public async Task DisposeAsync()
    {
        _harness.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task It_reads_lastupdate_downloads_the_zipped_export_it_names_and_returns_its_candidates_with_the_file_as_cursor()
    {
        // Arrange
        var file = _gdelt.Publish("20231027081500", new GdeltRowBuilder(1).Build(), new GdeltRowBuilder(2).WithEventCode("042").Build());
        var gdelt = _harness.Source("gdelt");

        // Act
        var poll = await gdelt.PollAsync(SourceState.New("gdelt"), CancellationToken.None);

        // Assert
        Assert.Equal(["/gdeltv2/lastupdate.txt", $"/gdeltv2/{file}"], _server.Requests.Select(request => request.Path));
        Assert.StartsWith("BorderAlertBot/1.0", _server.Requests[0].Header("User-Agent"), StringComparison.Ordinal);
        Assert.Equal("evt_gdelt_1", Assert.Single(poll.Records).Event!.Id.Value);
        Assert.Equal(file, poll.Cursor);
        Assert.Equal((Domain.EventStatus.Pending, true, TimeSpan.FromMinutes(15)), (gdelt.DefaultTrust, gdelt.MergesReports, gdelt.Interval));
    }

    [Fact]
    public async Task The_export_in_the_cursor_is_not_downloaded_again()
    {
        var file = _gdelt.Publish("20231027081500", new GdeltRowBuilder(1).Build());

        var poll = await _harness.Source("gdelt").PollAsync(SourceState.New("gdelt") with { Cursor = file }, CancellationToken.None);

        Assert.Empty(poll.Records);
        Assert.Equal(file, poll.Cursor);
        Assert.Equal(["/gdeltv2/lastupdate.txt"], _server.Requests.Select(request => request.Path));
    }

    [Fact]
    public async Task An_export_that_does_not_match_its_md5_fails_the_poll_and_says_why()
    {
        _gdelt.Publish("20231027081500", new GdeltRowBuilder(1).Build());
        _gdelt.FakeMd5 = new string('0', 32);

        var failure = await Assert.ThrowsAsync<SourceException>(() => _harness.Source("gdelt").PollAsync(SourceState.New("gdelt"), CancellationToken.None));

        Assert.Equal("the GDELT export 20231027081500.export.CSV.zip does not match the MD5 that lastupdate.txt gives", failure.Message);
    }

    [Fact]
    public async Task An_export_that_is_not_a_zip_fails_the_poll()
    {
        _gdelt.PublishBytes("20231027081500", "<html>gateway error</html>"u8.ToArray());

        var failure = await Assert.ThrowsAsync<SourceException>(() => _harness.Source("gdelt").PollAsync(SourceState.New("gdelt"), CancellationToken.None));

        Assert.StartsWith("the GDELT export 20231027081500.export.CSV.zip is not a readable zip", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_error_fails_the_poll_naming_the_status_but_not_the_query()
    {
        _server.Handle(_ => FixtureResponse.Empty(503));

        var failure = await Assert.ThrowsAsync<SourceException>(() => _harness.Source("gdelt").PollAsync(SourceState.New("gdelt"), CancellationToken.None));

        Assert.Equal($"{_server.BaseUrl}gdeltv2/lastupdate.txt answered HTTP 503 Service Unavailable", failure.Message);
    }

    [Fact]
    public async Task A_lastupdate_without_an_export_line_fails_the_poll()
    {
        _server.Handle(_ => FixtureResponse.Text("1200 0123456789abcdef0123456789abcdef http://data.gdeltproject.org/gdeltv2/20231027081500.mentions.CSV.zip\n"));

        var failure = await Assert.ThrowsAsync<SourceException>(() => _harness.Source("gdelt").PollAsync(SourceState.New("gdelt"), CancellationToken.None));

        Assert.StartsWith("GDELT's lastupdate.txt lists no export file", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gdelt_is_not_polled_unless_enabled()
    {
        using var harness = new SourceHarness(new FakeTimeProvider(), ("Gdelt:BaseUrl", "http://127.0.0.1:9/"));

        Assert.DoesNotContain(harness.Sources, source => source.Name == GdeltSource.SourceName);
    }
}
