using BorderAlertBot.Curation;
using BorderAlertBot.Domain;
using BorderAlertBot.Ingestion.Acled.Api;
using BorderAlertBot.Sources;
using BorderAlertBot.Testing.Builders;
using BorderAlertBot.Testing.Fakes;
using BorderAlertBot.Testing.Fixtures;
using BorderAlertBot.Testing.Stores;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BorderAlertBot.Ingestion.Tests.Acled;

/// <summary>The ACLED poller, composed as the bot composes it, against a fake ACLED on 127.0.0.1 and driven by the source runner.</summary>
public sealed class AcledSourceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryEventStore _store = new();
    private readonly InMemorySourceStateStore _states = new();
    private readonly RecordingLoggerProvider _logs = new();
    private readonly FakeAcledApi _acled;
    private FixtureHttpServer _server = null!; // Set in InitializeAsync.
    private ServiceProvider _services = null!;

    public AcledSourceTests() => _acled = new FakeAcledApi(_time);

    public async Task InitializeAsync()
    {
        _server = await FixtureHttpServer.StartAsync(request => _acled.Handle(request));
        _services = Compose();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_first_sync_reads_page_after_page_until_a_short_one_with_the_filters_and_a_bearer_token()
    {
        // Arrange: five Myanmar rows and one from China that the country filter leaves out.
        var rows = Enumerable.Range(0, 5).Select(_ => new AcledRowBuilder()).ToList();
        rows.ForEach(row => _acled.Upload(row));
        _acled.Upload(new AcledRowBuilder().With("country", "China").With("iso", "156"));
        _time.Advance(TimeSpan.FromMinutes(11));

        // Act
        await SyncAsync();

        // Assert
        Assert.All(rows, row => Assert.NotNull(Stored(row)));
        Assert.Equal(5, _store.Changes.Count);
        var reads = Reads("/api/acled/read");
        Assert.Equal(["1", "2", "3"], reads.Select(read => read.QueryValue("page")));
        Assert.All(reads, read => Assert.Equal(("2", "Myanmar", "json"), (read.QueryValue("limit"), read.QueryValue("country"), read.QueryValue("_format"))));
        Assert.All(reads, read => Assert.StartsWith("Bearer access-", read.Header("Authorization"), StringComparison.Ordinal));
        Assert.Equal(1, _acled.PasswordGrants);
        Assert.Equal(EventStatus.Verified, Stored(rows[0])!.Status);
    }

    [Fact]
    public async Task Reading_the_same_pages_again_changes_nothing()
    {
        // Arrange
        new[] { new AcledRowBuilder(), new AcledRowBuilder(), new AcledRowBuilder() }.ToList().ForEach(row => _acled.Upload(row));
        _time.Advance(TimeSpan.FromMinutes(11));
        await SyncAsync();
        var changes = _store.Changes.Count;

        // Act: the cursor is lost, so the same window is read again.
        await _states.SaveAsync(SourceState.New("acled"), CancellationToken.None);
        await SyncAsync();

        // Assert
        Assert.Equal(3, changes);
        Assert.Equal(changes, _store.Changes.Count);
        Assert.Equal(4, Reads("/api/acled/read").Count);
    }

    [Fact]
    public async Task A_later_sync_reads_only_new_uploads_and_a_revised_row_becomes_our_next_revision()
    {
        // Arrange
        var revised = new AcledRowBuilder().With("fatalities", "2");
        var untouched = new AcledRowBuilder();
        _acled.Upload(revised);
        _acled.Upload(untouched);
        _time.Advance(TimeSpan.FromMinutes(11));
        await SyncAsync();
        var firstWindowEnd = long.Parse(Reads("/api/acled/read")[^1].QueryValue("timestamp")!.Split('|')[1], System.Globalization.CultureInfo.InvariantCulture);

        // Act
        _time.Advance(TimeSpan.FromHours(1));
        _acled.Upload(revised.With("fatalities", "11"));
        var added = new AcledRowBuilder();
        _acled.Upload(added);
        _time.Advance(TimeSpan.FromMinutes(11));
        await SyncAsync();

        // Assert
        var secondSync = Reads("/api/acled/read")[^1];
        Assert.StartsWith($"{firstWindowEnd + 1}|", secondSync.QueryValue("timestamp"), StringComparison.Ordinal);
        Assert.Equal((2, Severity.High), (Stored(revised)!.Revision.Number, Stored(revised)!.Severity.Computed));
        Assert.Equal(1, Stored(untouched)!.Revision.Number);
        Assert.NotNull(Stored(added));
        Assert.Equal(4, _store.Changes.Count);
    }

    [Fact]
    public async Task Rows_uploaded_within_the_settle_time_wait_for_the_next_sync_and_none_is_read_twice()
    {
        // Arrange: one row exactly at the first window's end, one a second after it.
        _time.Advance(TimeSpan.FromMinutes(30));
        var windowEnd = _time.GetUtcNow() - TimeSpan.FromMinutes(10);
        var atEnd = new AcledRowBuilder();
        var justAfter = new AcledRowBuilder();
        _acled.Upload(atEnd, windowEnd);
        _acled.Upload(justAfter, windowEnd.AddSeconds(1));

        // Act
        await SyncAsync();
        var afterFirst = (Stored(atEnd) is not null, Stored(justAfter) is not null);
        _time.Advance(TimeSpan.FromHours(1));
        await SyncAsync();

        // Assert
        Assert.Equal((true, false), afterFirst);
        Assert.NotNull(Stored(justAfter));
        Assert.Equal(2, _store.Changes.Count);
    }

    [Fact]
    public async Task An_expired_access_token_is_refreshed_without_sending_the_password_again()
    {
        _acled.AccessLifetime = TimeSpan.FromHours(1);
        _acled.Upload(new AcledRowBuilder());
        _time.Advance(TimeSpan.FromMinutes(11));
        await SyncAsync();

        _time.Advance(TimeSpan.FromHours(2));
        var state = await SyncAsync();

        Assert.Equal((1, 1), (_acled.PasswordGrants, _acled.RefreshGrants));
        Assert.Null(state.LastError);
    }

    [Fact]
    public async Task A_refused_token_gets_one_fresh_token_and_the_call_is_retried()
    {
        _acled.Upload(new AcledRowBuilder());
        _time.Advance(TimeSpan.FromMinutes(11));
        await SyncAsync();

        _acled.RevokeAccessTokens();
        _time.Advance(TimeSpan.FromHours(1));
        var state = await SyncAsync();

        Assert.Equal((1, 1), (_acled.PasswordGrants, _acled.RefreshGrants));
        Assert.Equal((0, null), (state.ConsecutiveFailures, state.LastError));
    }

    [Fact]
    public async Task A_refused_refresh_falls_back_to_the_password()
    {
        _acled.Upload(new AcledRowBuilder());
        _time.Advance(TimeSpan.FromMinutes(11));
        await SyncAsync();

        _acled.RevokeAccessTokens();
        _acled.RevokeRefreshTokens();
        _time.Advance(TimeSpan.FromHours(1));
        var state = await SyncAsync();

        Assert.Equal((2, 0), (_acled.PasswordGrants, _acled.RefreshGrants));
        Assert.Null(state.LastError);
    }

    [Fact]
    public async Task Refused_credentials_fail_the_poll_with_a_reason_that_names_no_secret()
    {
        // Arrange: the account's password was changed at ACLED.
        _acled.Password = "changed-elsewhere";
        _acled.Upload(new AcledRowBuilder());
        _time.Advance(TimeSpan.FromMinutes(11));

        // Act
        var state = await SyncAsync();

        // Assert
        Assert.Equal((1, "ACLED refused the credentials (401): check Acled:Username and Acled:Password"), (state.ConsecutiveFailures, state.LastError));
        Assert.Empty(_store.Changes);
        var logged = string.Join('\n', _logs.Lines);
        Assert.Contains("ACLED refused the credentials", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pass", logged, StringComparison.Ordinal);
        Assert.DoesNotContain(_acled.Username, logged, StringComparison.Ordinal);
        Assert.DoesNotContain("access-", logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_ACLED_deleted_are_withdrawn_and_channels_see_them_retracted()
    {
        // Arrange
        var deleted = new AcledRowBuilder();
        var kept = new AcledRowBuilder();
        _acled.Upload(deleted);
        _acled.Upload(kept);
        _time.Advance(TimeSpan.FromMinutes(11));
        await SyncAsync();

        // Act
        _time.Advance(TimeSpan.FromHours(1));
        _acled.Delete(deleted.Id);
        _time.Advance(TimeSpan.FromMinutes(11));
        await SyncAsync();

        // Assert
        var withdrawn = Stored(deleted)!;
        Assert.Equal((EventStatus.Retracted, "withdrawn by acled", 2), (withdrawn.Status, withdrawn.StatusReason, withdrawn.Revision.Number));
        Assert.Equal((EventStatus.Verified, 1), (Stored(kept)!.Status, Stored(kept)!.Revision.Number));
        Assert.NotEmpty(Reads("/api/deleted/read"));
    }

    [Fact]
    public async Task An_error_envelope_fails_the_poll_with_ACLEDs_message()
    {
        _acled.Failure = "Invalid filter: admin1";
        _time.Advance(TimeSpan.FromMinutes(11));

        var state = await SyncAsync();

        Assert.Equal("ACLED answered with an error: Invalid filter: admin1", state.LastError);
    }

    [Fact]
    public void The_poller_is_not_a_source_unless_enabled()
    {
        using var disabled = Compose(enabled: false);

        Assert.Empty(disabled.GetServices<IEventSource>());
        Assert.Single(_services.GetServices<IEventSource>(), source => source.Name == "acled");
    }

    private ServiceProvider Compose(bool enabled = true)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Acled:Enabled"] = enabled ? "true" : "false",
            ["Acled:BaseUrl"] = _server.BaseUrl.ToString(),
            ["Acled:Username"] = _acled.Username,
            ["Acled:Password"] = "s3cret-pass",
            ["Acled:PageSize"] = "2",
            ["Acled:Query"] = "country=Myanmar",
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(_time)
            .AddLogging(logging => logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace))
            .AddSingleton<Abstractions.ISourceStateStore>(_states)
            .AddSingleton(new EventImporter(_store, _time))
            .AddSingleton(Options.Create(new SourcesOptions()))
            .AddSingleton<SourceRunner>()
            .AddBorderAlertBotIngestion(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    /// <summary>Polls as the worker does while the source has more (each page, then the deletions), until it is done or fails.</summary>
    private async Task<SourceState> SyncAsync()
    {
        var source = _services.GetRequiredService<AcledSource>();
        var runner = _services.GetRequiredService<SourceRunner>();
        var state = await runner.RunAsync(source, CancellationToken.None);
        for (var polls = 1; state.NextPollAt <= _time.GetUtcNow() && state.ConsecutiveFailures == 0; polls++)
        {
            Assert.True(polls < 50, "the sync never ended");
            state = await runner.RunAsync(source, CancellationToken.None);
        }

        return state;
    }

    private ConflictEvent? Stored(AcledRowBuilder row) =>
        _store.TryGetAsync(Domain.EventId.Parse("evt_acled_" + row.Id.ToLowerInvariant()), CancellationToken.None).Result;

    private List<FixtureRequest> Reads(string path) => [.. _server.Requests.Where(request => request.Path == path)];
}
