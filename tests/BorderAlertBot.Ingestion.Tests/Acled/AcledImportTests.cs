using BorderAlertBot.Domain;
using BorderAlertBot.Ingestion.Tests.Infrastructure;
using BorderAlertBot.Serialization;
using BorderAlertBot.Sources;
using BorderAlertBot.Storage;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Ingestion.Tests.Acled;

/// <summary>ACLED files imported as the CLI and the drop folder do, into a real SQLite file.</summary>
public sealed class AcledImportTests : IDisposable
{
    private readonly SqliteImportHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Importing_the_same_ACLED_file_twice_adds_each_event_once_and_the_change_feed_does_not_grow()
    {
        // Arrange
        var csv = AcledCsv.Current(new AcledRowBuilder(), new AcledRowBuilder().WithType("Protests", "Peaceful protest"), new AcledRowBuilder());
        var first = await _harness.ImportAcledAsync(csv);
        var head = await HeadAsync();

        // Act
        var second = await _harness.ImportAcledAsync(csv);

        // Assert
        Assert.Equal("2 added, 0 revised, 0 unchanged, 0 rejected, 1 out of scope (rows the bot does not track, not errors: 1 Protests / Peaceful protest)", first.ToString());
        Assert.Equal("0 added, 0 revised, 2 unchanged, 0 rejected, 1 out of scope (rows the bot does not track, not errors: 1 Protests / Peaceful protest)", second.ToString());
        Assert.Equal(2, head);
        Assert.Equal(head, await HeadAsync());
        Assert.Equal(2, await _harness.Queries.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_export_in_the_older_layout_imports_into_the_store_and_its_current_layout_twin_finds_every_event_unchanged()
    {
        // Arrange: the same rows as an older export (data_id, event_id_no_cnty, iso3, numeric actor types) and a current one.
        var rows = new[] { new AcledRowBuilder(), new AcledRowBuilder().WithType("Explosions/Remote violence", "Air/drone strike") };

        // Act
        var older = await _harness.ImportAcledAsync(AcledCsv.Older(rows));
        var current = await _harness.ImportAcledAsync(AcledCsv.Current(rows));

        // Assert
        Assert.Equal((2, 0), (older.Summary.Added, older.Summary.Rejected));
        Assert.Equal((0, 0, 2), (current.Summary.Added, current.Summary.Revised, current.Summary.Unchanged));
        Assert.Equal(EventSubtype.AirStrike, (await StoredAsync(rows[1])).Subtype);
        Assert.Equal(["acled:" + rows[0].Id], (await StoredAsync(rows[0])).ExternalIds);
    }

    [Fact]
    public async Task New_ACLED_events_get_the_trust_that_Sources_Trust_gives_acled()
    {
        var row = new AcledRowBuilder();
        var pending = new SourcesOptions { Trust = [new TrustRule { Source = "acled", Status = EventStatus.Pending }] };

        await _harness.ImportAcledAsync(AcledCsv.Current(row), pending);

        Assert.Equal(EventStatus.Pending, (await StoredAsync(row)).Status);
    }

    [Fact]
    public async Task A_row_whose_external_id_a_curated_event_carries_adds_its_source_to_that_event_instead_of_a_second_event()
    {
        // Arrange: a curator's account of the Laukkai surrender cites ACLED's row.
        var row = new AcledRowBuilder().WithType("Battles", "Non-state actor overtakes territory");
        var curated = new CuratedJsonBuilder().WithId("evt_laukkai_surrender").With("externalIds", new System.Text.Json.Nodes.JsonArray("acled:" + row.Id)).WithTitle("Laukkai command surrenders");
        await _harness.ImportAsync(CuratedJsonBuilder.File(curated.Build()));

        // Act
        var summary = await _harness.ImportAcledAsync(AcledCsv.Current(row));

        // Assert
        Assert.Equal((0, 1), (summary.Summary.Added, summary.Summary.Revised));
        Assert.Equal(1, await _harness.Queries.CountAsync(CancellationToken.None));
        var merged = (await _harness.Store.TryGetAsync(EventId.Parse("evt_laukkai_surrender"), CancellationToken.None))!;
        Assert.Equal("Laukkai command surrenders", merged.Title);
        Assert.Contains(merged.Sources, source => source.Url.AbsoluteUri.EndsWith(row.Id, StringComparison.Ordinal));
        Assert.Null(await _harness.Store.TryGetAsync(EventId.Parse("evt_acled_" + row.Id.ToLowerInvariant()), CancellationToken.None));
    }

    [Fact]
    public async Task ACLEDs_revision_of_a_row_becomes_our_next_revision_and_keeps_a_curators_override_and_status()
    {
        // Arrange: imported, then a curator raised the severity.
        var row = new AcledRowBuilder().With("fatalities", "2");
        await _harness.ImportAcledAsync(AcledCsv.Current(row));
        var stored = await StoredAsync(row);
        var curated = stored with
        {
            Severity = stored.Severity with { Override = new SeverityOverride(Severity.Critical, "the command surrendered") },
            Revision = stored.Revision with { Number = 2, By = "desk" },
        };
        await _harness.Store.WriteAsync([new EventWrite(curated, EventDocument.Fingerprint(curated))], CancellationToken.None);

        // Act: ACLED revises the death toll.
        var summary = await _harness.ImportAcledAsync(AcledCsv.Current(row.With("fatalities", "14").With("timestamp", "1705000000")));

        // Assert
        Assert.Equal(1, summary.Summary.Revised);
        var revised = await StoredAsync(row);
        Assert.Equal((3, EventStatus.Verified, Severity.Critical, Severity.High), (revised.Revision.Number, revised.Status, revised.Severity.Effective, revised.Severity.Computed));
        Assert.Equal([new Figure(FigureKind.Fatalities, 14, "ACLED")], revised.Figures);
        Assert.Contains("+ figure: 14 killed (as reported by ACLED)", revised.Revision.Changes);
    }

    private async Task<ConflictEvent> StoredAsync(AcledRowBuilder row) =>
        (await _harness.Store.TryGetAsync(EventId.Parse("evt_acled_" + row.Id.ToLowerInvariant()), CancellationToken.None))!;

    private async Task<long> HeadAsync() => await _harness.Feed.GetHeadAsync(CancellationToken.None);
}
