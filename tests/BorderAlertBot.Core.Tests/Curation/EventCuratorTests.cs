using BorderAlertBot.Curation;
using BorderAlertBot.Domain;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Core.Tests.Curation;

public sealed class EventCuratorTests
{
    private static readonly Actor Mndaa = new("MNDAA", "MNDAA");

    private readonly CurationStore _store = new();

    [Fact]
    public async Task Approving_a_pending_candidate_verifies_it_and_records_who_did()
    {
        var candidate = await _store.AddAsync(new EventBuilder().WithStatus(EventStatus.Pending).Build());

        var outcome = await _store.Curator.ApproveAsync(candidate.Id, "mya", CancellationToken.None);

        var stored = await _store.GetAsync(candidate.Id);
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal((EventStatus.Verified, 2, "mya"), (stored.Status, stored.Revision.Number, stored.Revision.By));
        Assert.Equal(["status Pending → Verified"], stored.Revision.Changes);
        Assert.Equal($"{candidate.Id} is now Verified (revision 2, by mya).", outcome.Message);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_and_keeps_it()
    {
        var candidate = await _store.AddAsync(new EventBuilder().WithStatus(EventStatus.Pending).Build());

        var refused = await _store.Curator.RejectAsync(candidate.Id, " ", "mya", CancellationToken.None);
        var rejected = await _store.Curator.RejectAsync(candidate.Id, "duplicate of a rumour", "mya", CancellationToken.None);

        Assert.False(refused.Succeeded);
        Assert.Contains("Say why", refused.Message, StringComparison.Ordinal);
        Assert.True(rejected.Succeeded);
        var stored = await _store.GetAsync(candidate.Id);
        Assert.Equal((EventStatus.Rejected, "duplicate of a rumour"), (stored.Status, stored.StatusReason));
    }

    [Fact]
    public async Task Retracting_a_verified_event_keeps_the_reason_and_records_who_did()
    {
        var verified = await _store.AddAsync(new EventBuilder().WithStatus(EventStatus.Verified).Build());

        var outcome = await _store.Curator.RetractAsync(verified.Id, " wrong town: the clash was in Hpakant ", "kyaw", CancellationToken.None);

        var stored = await _store.GetAsync(verified.Id);
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal((EventStatus.Retracted, "wrong town: the clash was in Hpakant", 2, "kyaw"),
            (stored.Status, stored.StatusReason, stored.Revision.Number, stored.Revision.By));
        Assert.Equal($"{verified.Id} is now Retracted (revision 2, by kyaw).", outcome.Message);
    }

    [Fact]
    public async Task A_merge_is_a_revision_of_the_surviving_event_and_of_each_report_recording_who_merged_them()
    {
        var survivor = await _store.AddAsync(new EventBuilder().WithActors(Mndaa).WithExternalIds("acled:MMR1").Build());
        var report = await _store.AddAsync(new EventBuilder().WithActors(Mndaa).WithExternalIds("gdelt:7").WithStatus(EventStatus.Pending).Build());

        var merged = await _store.Curator.MergeAsync(survivor.Id, [report.Id], "mya", CancellationToken.None);

        Assert.True(merged.Succeeded, merged.Message);
        var survivorAfter = await _store.GetAsync(survivor.Id);
        var reportAfter = await _store.GetAsync(report.Id);
        Assert.Equal((2, "mya"), (survivorAfter.Revision.Number, survivorAfter.Revision.By));
        Assert.Equal((EventStatus.Merged, 2, "mya"), (reportAfter.Status, reportAfter.Revision.Number, reportAfter.Revision.By));
    }

    [Theory]
    [InlineData(EventStatus.Rejected, "approve", "is Rejected and cannot become Verified")]
    [InlineData(EventStatus.Verified, "approve", "is already Verified")]
    [InlineData(EventStatus.Pending, "retract", "is Pending and cannot become Retracted")]
    public async Task An_action_the_status_does_not_allow_is_refused_and_writes_nothing(EventStatus status, string action, string expected)
    {
        var stored = await _store.AddAsync(new EventBuilder().WithStatus(status).Build());
        var changes = _store.Store.Changes.Count;

        var outcome = action == "approve"
            ? await _store.Curator.ApproveAsync(stored.Id, "mya", CancellationToken.None)
            : await _store.Curator.RetractAsync(stored.Id, "wrong place", "mya", CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains(expected, outcome.Message, StringComparison.Ordinal);
        Assert.Equal(changes, _store.Store.Changes.Count);
    }

    [Fact]
    public async Task A_correction_changes_the_named_fields_recomputes_severity_and_keeps_the_status()
    {
        // Arrange
        var stored = await _store.AddAsync(new EventBuilder().WithSubtype(EventSubtype.ArmedClash).WithTitle("Clash near Muse").Build());

        // Act
        var outcome = await _store.Curator.CorrectAsync(stored.Id, new EventCorrection
        {
            Title = "Chinshwehaw seized",
            Subtype = EventSubtype.TerritorySeized,
            Place = "Qingshuihe",
            SeverityOverride = new SeverityOverride(Severity.Critical, "largest crossing"),
        }, "kyaw", CancellationToken.None);

        // Assert
        var corrected = await _store.GetAsync(stored.Id);
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(("Chinshwehaw seized", EventSubtype.TerritorySeized, "Chinshwehaw", EventStatus.Verified), (corrected.Title, corrected.Subtype, corrected.Location?.Place, corrected.Status));
        Assert.Equal((Severity.Critical, "kyaw"), (corrected.Severity.Effective, corrected.Revision.By));
        Assert.Contains("title changed", corrected.Revision.Changes);
    }

    [Fact]
    public async Task A_correction_to_an_unknown_place_suggests_close_names()
    {
        var stored = await _store.AddAsync(new EventBuilder().Build());

        var outcome = await _store.Curator.CorrectAsync(stored.Id, new EventCorrection { Place = "Laukai" }, "kyaw", CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains("did you mean", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("laukkai", outcome.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Merging_then_splitting_gives_both_events_back_as_they_were()
    {
        // Arrange
        var survivor = await _store.AddAsync(new EventBuilder().WithActors(Mndaa).WithExternalIds("acled:MMR1").Build());
        var report = await _store.AddAsync(new EventBuilder().WithActors(Mndaa).WithExternalIds("gdelt:7").WithStatus(EventStatus.Pending)
            .WithFigure(FigureKind.Fatalities, 3, "Irrawaddy").Build());

        // Act
        var merged = await _store.Curator.MergeAsync(survivor.Id, [report.Id], "mya", CancellationToken.None);
        var afterMerge = await _store.GetAsync(survivor.Id);
        var reportAfterMerge = await _store.GetAsync(report.Id);
        var split = await _store.Curator.SplitAsync(survivor.Id, null, "kyaw", CancellationToken.None);

        // Assert
        Assert.True(merged.Succeeded, merged.Message);
        Assert.Equal("2 reports · 1 source", afterMerge.Corroboration);
        Assert.Contains("gdelt:7", afterMerge.ExternalIds);
        Assert.Equal((EventStatus.Merged, survivor.Id), (reportAfterMerge.Status, reportAfterMerge.MergedInto));
        Assert.True(split.Succeeded, split.Message);
        var survivorAfter = await _store.GetAsync(survivor.Id);
        var reportAfter = await _store.GetAsync(report.Id);
        Assert.Equal((survivor.Sources, survivor.ExternalIds, survivor.Figures), (survivorAfter.Sources, survivorAfter.ExternalIds, survivorAfter.Figures), new SequencesComparer());
        Assert.Null(survivorAfter.MergedReports);
        Assert.Equal((EventStatus.Pending, null, 3), (reportAfter.Status, reportAfter.MergedInto, reportAfter.Revision.Number));
        Assert.Equal("kyaw", reportAfter.Revision.By);
    }

    [Fact]
    public async Task Splitting_one_report_keeps_the_others_and_later_sources()
    {
        var survivor = await _store.AddAsync(new EventBuilder().WithActors(Mndaa).Build());
        var first = await _store.AddAsync(new EventBuilder().WithActors(Mndaa).Build());
        var second = await _store.AddAsync(new EventBuilder().WithActors(Mndaa).Build());
        await _store.Curator.MergeAsync(survivor.Id, [first.Id, second.Id], "mya", CancellationToken.None);
        var later = new Source("Myanmar Now", new Uri("https://myanmar-now.org/later"), null);
        await _store.Curator.CorrectAsync(survivor.Id, new EventCorrection { AddSource = later }, "mya", CancellationToken.None);

        var outcome = await _store.Curator.SplitAsync(survivor.Id, first.Id, "mya", CancellationToken.None);

        var after = await _store.GetAsync(survivor.Id);
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal([second.Id], after.MergedReports);
        Assert.Contains(later, after.Sources);
        Assert.Contains(second.Sources[0], after.Sources);
        Assert.DoesNotContain(first.Sources[0], after.Sources);
        Assert.Equal(EventStatus.Verified, (await _store.GetAsync(first.Id)).Status);
    }

    [Fact]
    public async Task A_merged_report_cannot_be_approved_until_it_is_split_out()
    {
        var survivor = await _store.AddAsync(new EventBuilder().WithActors(Mndaa).Build());
        var report = await _store.AddAsync(new EventBuilder().WithActors(Mndaa).WithStatus(EventStatus.Pending).Build());
        await _store.Curator.MergeAsync(survivor.Id, [report.Id], "mya", CancellationToken.None);

        var outcome = await _store.Curator.ApproveAsync(report.Id, "mya", CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal($"{report.Id} is merged into {survivor.Id}; split it out first (events split {survivor.Id} {report.Id}).", outcome.Message);
    }

    [Fact]
    public async Task Reports_of_another_kind_are_not_merged()
    {
        var survivor = await _store.AddAsync(new EventBuilder().Build());
        var trade = await _store.AddAsync(new EventBuilder().WithSubtype(EventSubtype.CrossingClosed).Build());

        var outcome = await _store.Curator.MergeAsync(survivor.Id, [trade.Id], "mya", CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains("only reports of one kind are one happening", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pending_lists_only_pending_candidates_latest_first()
    {
        var older = await _store.AddAsync(new EventBuilder().WithStatus(EventStatus.Pending).OccurredOn(2024, 1, 1).Build());
        var newer = await _store.AddAsync(new EventBuilder().WithStatus(EventStatus.Pending).OccurredOn(2024, 1, 3).Build());
        await _store.AddAsync(new EventBuilder().OccurredOn(2024, 1, 2).Build());

        var pending = await _store.Curator.PendingAsync(10, CancellationToken.None);

        Assert.Equal([newer.Id, older.Id], pending.Select(e => e.Id));
    }

    private sealed class SequencesComparer : IEqualityComparer<(IReadOnlyList<Source>, IReadOnlyList<string>, IReadOnlyList<Figure>)>
    {
        public bool Equals((IReadOnlyList<Source>, IReadOnlyList<string>, IReadOnlyList<Figure>) x, (IReadOnlyList<Source>, IReadOnlyList<string>, IReadOnlyList<Figure>) y) =>
            x.Item1.SequenceEqual(y.Item1) && x.Item2.SequenceEqual(y.Item2) && x.Item3.SequenceEqual(y.Item3);

        public int GetHashCode((IReadOnlyList<Source>, IReadOnlyList<string>, IReadOnlyList<Figure>) obj) => 0;
    }
}
