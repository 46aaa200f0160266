using BorderAlertBot.Domain;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Core.Tests.Curation;

/// <summary>Reports from a source that merges (GDELT, feeds) folded into the event they are another account of.</summary>
public sealed class ReportMergingTests
{
    private static readonly Actor Mndaa = new("MNDAA", "MNDAA");

    private readonly CurationStore _store = new();

    [Fact]
    public async Task A_new_report_of_a_stored_event_is_kept_as_merged_and_the_event_gains_its_source()
    {
        // Arrange
        var acled = await _store.AddAsync(new EventBuilder().WithId("evt_acled_mmr23001").WithActors(Mndaa)
            .WithSources(new Source("ACLED", new Uri("https://acleddata.com/MMR23001"), null)).Build());
        var report = new EventBuilder().WithId("evt_gdelt_1101").WithExternalIds("gdelt:1101").WithActors(Mndaa)
            .WithSources(new Source("Irrawaddy", new Uri("https://www.irrawaddy.com/news/laukkai"), null)).Build();

        // Act
        var summary = await _store.IngestAsync(report);

        // Assert
        var survivor = await _store.GetAsync(acled.Id);
        var merged = await _store.GetAsync(report.Id);
        Assert.Equal((1, 1), (summary.Added, summary.Merged));
        Assert.Equal("2 reports · 2 sources", survivor.Corroboration);
        Assert.Equal([report.Id], survivor.MergedReports);
        Assert.Contains("gdelt:1101", survivor.ExternalIds);
        Assert.Equal(EventStatus.Verified, survivor.Status);
        Assert.Equal((EventStatus.Merged, acled.Id, $"merged into {acled.Id}"), (merged.Status, merged.MergedInto, merged.StatusReason));
        Assert.Equal(["created", $"merged into {acled.Id}"], merged.Revision.Changes);
    }

    [Fact]
    public async Task Ingesting_the_same_reports_again_changes_nothing()
    {
        await _store.AddAsync(new EventBuilder().WithActors(Mndaa).Build());
        var report = new EventBuilder().WithId("evt_gdelt_1102").WithActors(Mndaa).Build();
        await _store.IngestAsync(report);
        var changes = _store.Store.Changes.Count;

        var again = await _store.IngestAsync(report);

        Assert.Equal((0, 1), (again.Added, again.Unchanged));
        Assert.Equal(changes, _store.Store.Changes.Count);
    }

    [Fact]
    public async Task Two_reports_of_one_event_in_one_batch_both_fold_into_it_in_one_revision()
    {
        var stored = await _store.AddAsync(new EventBuilder().WithActors(Mndaa).Build());
        var first = new EventBuilder().WithId("evt_gdelt_1").WithActors(Mndaa).Build();
        var second = new EventBuilder().WithId("evt_gdelt_2").WithActors(Mndaa).Build();

        await _store.IngestAsync(first, second);

        var survivor = await _store.GetAsync(stored.Id);
        Assert.Equal(2, survivor.Revision.Number);
        Assert.Equal([first.Id, second.Id], survivor.MergedReports);
        Assert.Equal("3 reports · 1 source", survivor.Corroboration);
    }

    [Fact]
    public async Task A_report_of_nothing_stored_lands_pending_on_its_own()
    {
        var report = new EventBuilder().WithActors(Mndaa).Build();

        var summary = await _store.IngestAsync(report);

        Assert.Equal((1, 0), (summary.Added, summary.Merged));
        Assert.Equal(EventStatus.Pending, (await _store.GetAsync(report.Id)).Status);
    }
}
