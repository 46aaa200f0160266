using System.Net;
using BorderAlertBot.Curation;
using BorderAlertBot.Domain;
using BorderAlertBot.Sources;
using BorderAlertBot.Testing.Builders;
using BorderAlertBot.Testing.Fakes;
using BorderAlertBot.Testing.Stores;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BorderAlertBot.Core.Tests.Sources;

public sealed class SourceRunnerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly InMemoryEventStore _store = new();
    private readonly InMemorySourceStateStore _states = new();
    private readonly SourcesOptions _options = new() { FirstRetryDelay = TimeSpan.FromMinutes(1), MaxRetryDelay = TimeSpan.FromMinutes(5), FailuresBeforeDisable = 4 };

    [Fact]
    public async Task New_events_land_with_the_sources_trust_and_the_cursor_moves_only_after_they_are_in()
    {
        // Arrange
        var report = new EventBuilder().WithStatus(EventStatus.Verified).Build();
        var source = new ScriptedSource("gdelt").Then(Poll("cursor-2", report));

        // Act
        var state = await Runner().RunAsync(source, CancellationToken.None);

        // Assert
        var stored = await _store.TryGetAsync(report.Id, CancellationToken.None);
        Assert.Equal(EventStatus.Pending, stored!.Status);
        Assert.Equal("gdelt", stored.Revision.By);
        Assert.Equal(("cursor-2", Start, 0, 1L, Start.AddMinutes(15)), (state.Cursor, state.LastSuccessAt, state.ConsecutiveFailures, state.ItemsSeen, state.NextPollAt));
        Assert.Equal(state, await _states.TryGetAsync("gdelt", CancellationToken.None));
    }

    [Fact]
    public async Task A_trust_rule_overrides_the_sources_default()
    {
        _options.Trust.Add(new TrustRule { Source = "rss:*", Status = EventStatus.Verified });
        var report = new EventBuilder().WithStatus(EventStatus.Pending).Build();

        await Runner().RunAsync(new ScriptedSource("rss:mizzima").Then(Poll("c", report)), CancellationToken.None);

        Assert.Equal(EventStatus.Verified, (await _store.TryGetAsync(report.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Running_a_source_again_over_the_same_records_adds_nothing()
    {
        var report = new EventBuilder().Build();
        var source = new ScriptedSource("acled", EventStatus.Verified).Then(Poll("1", report)).Then(Poll("1", report));
        var runner = Runner();

        await runner.RunAsync(source, CancellationToken.None);
        await runner.RunAsync(source, CancellationToken.None);

        Assert.Single(_store.Changes);
    }

    [Fact]
    public async Task A_sources_revision_becomes_ours_and_keeps_what_curators_decided()
    {
        // Arrange: a curator verified the pending report and overrode its severity.
        var report = new EventBuilder().WithTitle("Clash near Muse").Build();
        var source = new ScriptedSource("gdelt").Then(Poll("1", report)).Then(Poll("2", report with { Title = "Heavy clash near Muse" }));
        var runner = Runner();
        await runner.RunAsync(source, CancellationToken.None);
        var pending = (await _store.TryGetAsync(report.Id, CancellationToken.None))!;
        var curated = pending with
        {
            Status = EventStatus.Verified,
            Severity = pending.Severity with { Override = new SeverityOverride(Severity.High, "gate closed") },
            Revision = pending.Revision with { Number = 2 },
        };
        await _store.WriteAsync([new(curated, BorderAlertBot.Serialization.EventDocument.Fingerprint(curated))], CancellationToken.None);

        // Act
        await runner.RunAsync(source, CancellationToken.None);

        // Assert
        var revised = (await _store.TryGetAsync(report.Id, CancellationToken.None))!;
        Assert.Equal(3, revised.Revision.Number);
        Assert.Equal("Heavy clash near Muse", revised.Title);
        Assert.Equal(EventStatus.Verified, revised.Status);
        Assert.Equal(Severity.High, revised.Severity.Effective);
        Assert.Equal(["title changed"], revised.Revision.Changes);
    }

    [Fact]
    public async Task A_record_of_an_event_a_curator_already_cites_adds_its_source_to_that_event()
    {
        // Arrange
        var curated = new EventBuilder().WithId("evt_chinshwehaw_seized").WithExternalIds("acled:MMR23001").Build();
        var curatedWrite = curated with { Revision = new RevisionInfo(1, Start, "mya", ["created"]) };
        await _store.WriteAsync([new(curatedWrite, BorderAlertBot.Serialization.EventDocument.Fingerprint(curatedWrite))], CancellationToken.None);
        var acledSource = new Source("ACLED", new Uri("https://acleddata.com/data/MMR23001"), null);
        var row = new EventBuilder().WithId("evt_acled_mmr23001").WithExternalIds("acled:MMR23001").WithTitle("Battles in Laukkaing").WithSources(acledSource).Build();
        var source = new ScriptedSource("acled", EventStatus.Verified).Then(Poll("1", row)).Then(Poll("1", row));

        // Act
        await Runner().RunAsync(source, CancellationToken.None);
        await Runner().RunAsync(source, CancellationToken.None);

        // Assert
        Assert.Null(await _store.TryGetAsync(row.Id, CancellationToken.None));
        var stored = (await _store.TryGetAsync(curated.Id, CancellationToken.None))!;
        Assert.Equal(curated.Title, stored.Title);
        Assert.Contains(acledSource, stored.Sources);
        Assert.Equal(2, stored.Revision.Number);
        Assert.Equal("2 reports · 2 sources", stored.Corroboration);
    }

    [Fact]
    public async Task Withdrawn_ids_retract_verified_events_and_reject_pending_ones()
    {
        // Arrange
        var verified = new EventBuilder().WithExternalIds("acled:MMR1").Build();
        var pending = new EventBuilder().WithExternalIds("acled:MMR2").Build();
        var source = new ScriptedSource("acled", EventStatus.Verified)
            .Then(Poll("1", verified))
            .Then(new SourcePoll([], ["acled:MMR1", "acled:MMR2", "acled:MMR404"], "2"));
        var runner = Runner();
        await runner.RunAsync(source, CancellationToken.None);
        await new EventImporter(_store, _time).ImportAsync(
            new[] { ImportRecord.Valid(0, 1, 0, pending with { Status = EventStatus.Pending }, null) }.ToAsyncEnumerable(),
            new ImportOptions(false, "gdelt") { SourceTrust = EventStatus.Pending }, CancellationToken.None);

        // Act
        await runner.RunAsync(source, CancellationToken.None);

        // Assert
        var retracted = (await _store.TryGetAsync(verified.Id, CancellationToken.None))!;
        var rejected = (await _store.TryGetAsync(pending.Id, CancellationToken.None))!;
        Assert.Equal((EventStatus.Retracted, "withdrawn by acled"), (retracted.Status, retracted.StatusReason));
        Assert.Equal((EventStatus.Rejected, "withdrawn by acled"), (rejected.Status, rejected.StatusReason));
        Assert.Equal(["status Verified → Retracted: withdrawn by acled"], retracted.Revision.Changes);
    }

    [Fact]
    public async Task Failures_back_off_doubling_keep_the_cursor_and_disable_the_source_with_the_reason()
    {
        // Arrange
        var source = new ScriptedSource("rss:mizzima").Then(Poll("etag-1"));
        for (var i = 0; i < 4; i++)
        {
            source.ThenFail(new HttpRequestException("Service Unavailable", null, HttpStatusCode.ServiceUnavailable));
        }

        var runner = Runner();
        await runner.RunAsync(source, CancellationToken.None);

        // Act
        var waits = new List<TimeSpan?>();
        SourceState state = null!;
        for (var i = 0; i < 4; i++)
        {
            state = await runner.RunAsync(source, CancellationToken.None);
            waits.Add(state.NextPollAt - _time.GetUtcNow());
        }

        var afterDisabled = await runner.RunAsync(source, CancellationToken.None);

        // Assert
        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), null], waits);
        Assert.Equal("etag-1", state.Cursor);
        Assert.Equal("HTTP 503 ServiceUnavailable", state.LastError);
        Assert.Equal("disabled after 4 failed polls in a row; the last: HTTP 503 ServiceUnavailable", state.DisabledReason);
        Assert.Equal(5, source.PolledWith.Count); // Not polled once disabled.
        Assert.Equal(state, afterDisabled);
    }

    [Fact]
    public async Task An_enabled_source_is_due_at_once_and_its_next_success_clears_the_failures()
    {
        var source = new ScriptedSource("gdelt").ThenFail(new SourceException("the export was not a zip file")).Then(Poll("f2"));
        _options.FailuresBeforeDisable = 1;
        var runner = Runner();
        var disabled = await runner.RunAsync(source, CancellationToken.None);

        var enabled = await runner.EnableAsync("gdelt", CancellationToken.None);
        var polled = await runner.RunAsync(source, CancellationToken.None);

        Assert.Equal("disabled after 1 failed polls in a row; the last: the export was not a zip file", disabled.DisabledReason);
        Assert.Equal((null, 0, Start), (enabled.DisabledReason, enabled.ConsecutiveFailures, enabled.NextPollAt));
        Assert.Equal(("f2", 0, "the export was not a zip file"), (polled.Cursor, polled.ConsecutiveFailures, polled.LastError));
    }

    [Fact]
    public async Task A_source_with_more_pages_is_due_again_at_once_and_resumes_from_the_stored_cursor()
    {
        var source = new ScriptedSource("acled", EventStatus.Verified)
            .Then(new SourcePoll([], [], "page-1", HasMore: true))
            .Then(Poll("page-2"));
        var runner = Runner();

        var first = await runner.RunAsync(source, CancellationToken.None);
        await runner.RunAsync(source, CancellationToken.None);

        Assert.Equal(Start, first.NextPollAt);
        Assert.Equal([null, "page-1"], source.PolledWith.Select(state => state.Cursor));
    }

    [Fact]
    public async Task A_record_that_cannot_be_read_is_counted_and_the_rest_go_in()
    {
        var good = new EventBuilder().Build();
        var bad = ImportRecord.Invalid(1, 7, 0, [new ImportError(1, 7, "EventCode", "'abc' is not a CAMEO code")]);
        var source = new ScriptedSource("gdelt").Then(new SourcePoll([ImportRecord.Valid(0, 6, 0, good, null), bad], [], "c"));

        var state = await Runner().RunAsync(source, CancellationToken.None);

        Assert.NotNull(await _store.TryGetAsync(good.Id, CancellationToken.None));
        Assert.Equal((2L, 0), (state.ItemsSeen, state.ConsecutiveFailures));
    }

    private static SourcePoll Poll(string cursor, params ConflictEvent[] events) =>
        new([.. events.Select((conflictEvent, index) => ImportRecord.Valid(index, index + 1, 0, conflictEvent, null))], [], cursor);

    private SourceRunner Runner() =>
        new(_states, new EventImporter(_store, _time), _time, Options.Create(_options), NullLogger<SourceRunner>.Instance);
}
