using BorderAlertBot.Curation;
using BorderAlertBot.Domain;
using BorderAlertBot.Ingestion.Tests.Infrastructure;

namespace BorderAlertBot.Ingestion.Tests;

/// <summary>The bundled scenario imported step by step into a real SQLite file.</summary>
public sealed class SampleScenarioImportTests : IDisposable
{
    private static readonly EventId RetractedClaim = EventId.Parse("evt_china_trade_routes_closed_claim_2023");
    private static readonly EventId VerifiedClaim = EventId.Parse("evt_mndaa_positions_claim_2023");
    private static readonly EventId[] RevisedFigures = [EventId.Parse("evt_kyin_san_kyawt_trucks_burned_2023"), EventId.Parse("evt_nshan_displacement_2023")];

    private readonly SqliteImportHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Importing_the_steps_in_order_adds_every_event_of_the_first_and_revises_every_event_of_the_second()
    {
        // Arrange
        var firstCount = SampleScenario.Read(SampleScenario.Steps[0]).Count();
        var secondCount = SampleScenario.Read(SampleScenario.Steps[1]).Count();

        // Act
        var first = await _harness.ImportAsync(SampleScenario.Read(SampleScenario.Steps[0]));
        _harness.Time.Advance(TimeSpan.FromDays(1));
        var second = await _harness.ImportAsync(SampleScenario.Read(SampleScenario.Steps[1]));

        // Assert
        Assert.Equal((firstCount, 0, 0, 0), (first.Added, first.Revised, first.Unchanged, first.Rejected));
        Assert.Equal((0, secondCount, 0, 0), (second.Added, second.Revised, second.Unchanged, second.Rejected));
        Assert.Equal(firstCount, await _harness.Queries.CountAsync(CancellationToken.None));
        Assert.Equal(firstCount + secondCount, await _harness.Feed.GetHeadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_retraction_is_stored_as_revision_2_whose_changes_name_the_status_change()
    {
        // Arrange
        await ImportBothStepsAsync();

        // Act
        var retracted = await _harness.Store.TryGetAsync(RetractedClaim, CancellationToken.None);
        var revisions = await _harness.Store.GetRevisionsAsync(RetractedClaim, CancellationToken.None);

        // Assert
        Assert.NotNull(retracted);
        Assert.Equal((EventStatus.Retracted, 2), (retracted.Status, retracted.Revision.Number));
        Assert.StartsWith("Overstated early report.", retracted.StatusReason, StringComparison.Ordinal);
        Assert.Contains(retracted.Revision.Changes, change => change.StartsWith("status Verified → Retracted: Overstated early report.", StringComparison.Ordinal));
        Assert.Equal([(1, EventStatus.Verified), (2, EventStatus.Retracted)], revisions.Select(revision => (revision.Revision.Number, revision.Status)));
    }

    [Fact]
    public async Task Importing_the_first_step_again_rejects_only_the_forbidden_status_moves()
    {
        // Arrange
        await ImportBothStepsAsync();
        var firstStep = SampleScenario.Read(SampleScenario.Steps[0]).ToList();
        var lineOf = firstStep.ToDictionary(record => record.Event!.Id, record => record.Line); // The sample is valid (SampleScenarioTests).

        // Act
        var again = await _harness.ImportAsync(firstStep);

        // Assert: Retracted → Verified and Verified → Pending are refused, each at its line in the file.
        Assert.Equal(2, again.Rejected);
        Assert.Equal(
            [(lineOf[RetractedClaim], "status"), (lineOf[VerifiedClaim], "status")],
            again.Errors.Select(error => (error.Line, error.Field)).Order());
        Assert.Contains(again.Errors, error => error.Message.Contains($"{RetractedClaim} is Retracted and cannot become Verified", StringComparison.Ordinal));
        Assert.Contains(again.Errors, error => error.Message.Contains($"{VerifiedClaim} is Verified and cannot become Pending", StringComparison.Ordinal));
        Assert.Equal((EventStatus.Retracted, 2), await StatusAndRevisionAsync(RetractedClaim));
        Assert.Equal((EventStatus.Verified, 2), await StatusAndRevisionAsync(VerifiedClaim));

        // Everything else is the curator's current view again: untouched events stay unchanged, and the two whose
        // figures step 2 revised go back to step 1's figures as a third revision.
        Assert.Equal((0, 2, firstStep.Count - 4), (again.Added, again.Revised, again.Unchanged));
        foreach (var id in RevisedFigures)
        {
            var stored = await _harness.Store.TryGetAsync(id, CancellationToken.None);
            Assert.Equal(3, stored?.Revision.Number);
            Assert.Equal(firstStep.Single(record => record.Event!.Id == id).Event!.Figures, stored?.Figures);
        }
    }

    private async Task ImportBothStepsAsync()
    {
        foreach (var step in SampleScenario.Steps)
        {
            var summary = await _harness.ImportAsync(SampleScenario.Read(step));
            Assert.Equal(0, summary.Rejected);
            _harness.Time.Advance(TimeSpan.FromHours(1));
        }
    }

    private async Task<(EventStatus?, int?)> StatusAndRevisionAsync(EventId id)
    {
        var stored = await _harness.Store.TryGetAsync(id, CancellationToken.None);
        return (stored?.Status, stored?.Revision.Number);
    }
}
