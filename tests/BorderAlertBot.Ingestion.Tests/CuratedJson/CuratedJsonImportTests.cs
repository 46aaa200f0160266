using BorderAlertBot.Curation;
using BorderAlertBot.Domain;
using BorderAlertBot.Ingestion.Tests.Infrastructure;
using BorderAlertBot.Storage;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Ingestion.Tests.CuratedJson;

/// <summary>Curated JSON files read from disk and imported through <see cref="EventImporter"/> into a real SQLite file.</summary>
public sealed class CuratedJsonImportTests : IDisposable
{
    private readonly SqliteImportHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing_and_the_change_feed_does_not_grow()
    {
        // Arrange
        var file = CuratedJsonBuilder.File(new CuratedJsonBuilder().Build(), new CuratedJsonBuilder().Build(indented: true), new CuratedJsonBuilder().Build());
        await _harness.ImportAsync(file);
        var head = await HeadAsync();

        // Act
        _harness.Time.Advance(TimeSpan.FromDays(1));
        var again = await _harness.ImportAsync(file);

        // Assert
        Assert.Equal("0 added, 0 revised, 3 unchanged, 0 rejected", again.ToString());
        Assert.Equal(3, head);
        Assert.Equal(head, await HeadAsync());
    }

    [Fact]
    public async Task A_changed_record_becomes_one_new_revision_and_the_revisions_read_oldest_first()
    {
        // Arrange
        var record = new CuratedJsonBuilder().WithTitle("Clash near Laukkai");
        var other = new CuratedJsonBuilder();
        await _harness.ImportAsync(CuratedJsonBuilder.File(record.Build(), other.Build()));
        var head = await HeadAsync();
        var firstAt = _harness.Time.GetUtcNow();
        _harness.Time.Advance(TimeSpan.FromHours(6));

        // Act
        var summary = await _harness.ImportAsync(CuratedJsonBuilder.File(record.WithTitle("Heavy fighting in Laukkai").Build(), other.Build()));

        // Assert
        Assert.Equal((0, 1, 1, 0), (summary.Added, summary.Revised, summary.Unchanged, summary.Rejected));
        var change = Assert.Single(await _harness.Feed.ReadAsync(head, 10, CancellationToken.None));
        Assert.Equal((record.Id, 2, ChangeKind.Revised), (change.EventId.Value, change.Revision, change.Kind));
        var revisions = await _harness.Store.GetRevisionsAsync(EventId.Parse(record.Id), CancellationToken.None);
        Assert.Equal(
            [(1, "Clash near Laukkai", firstAt), (2, "Heavy fighting in Laukkai", _harness.Time.GetUtcNow())],
            revisions.Select(revision => (revision.Revision.Number, revision.Title, revision.Revision.At)));
        Assert.Equal(["title changed"], revisions[1].Revision.Changes);
        Assert.Equal(CuratedJsonBuilder.FileCurator, revisions[1].Revision.By);
    }

    [Fact]
    public async Task A_file_with_good_and_bad_records_stores_exactly_the_good_ones_and_reports_the_bad_by_line()
    {
        // Arrange
        var good = new[] { new CuratedJsonBuilder(), new CuratedJsonBuilder(), new CuratedJsonBuilder() };
        var bad = new[] { new CuratedJsonBuilder().Without("title"), new CuratedJsonBuilder().With("location.lat", 123.0) };
        var file = CuratedJsonBuilder.File(good[0].Build(), bad[0].Build(), good[1].Build(), bad[1].Build(), good[2].Build());

        // Act
        var summary = await _harness.ImportAsync(file);

        // Assert
        Assert.Equal((3, 0, 0, 2), (summary.Added, summary.Revised, summary.Unchanged, summary.Rejected));
        Assert.Equal([(6, "title"), (8, "location.lat")], summary.Errors.Select(error => (error.Line, error.Field)));
        Assert.Equal(3, await _harness.Queries.CountAsync(CancellationToken.None));
        Assert.Equal(3, await HeadAsync());
        foreach (var record in good)
        {
            Assert.NotNull(await _harness.Store.TryGetAsync(EventId.Parse(record.Id), CancellationToken.None));
        }

        foreach (var record in bad)
        {
            Assert.Null(await _harness.Store.TryGetAsync(EventId.Parse(record.Id), CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_dry_run_says_what_would_happen_and_leaves_the_store_and_change_feed_empty()
    {
        // Arrange
        var file = CuratedJsonBuilder.File(new CuratedJsonBuilder().Build(), new CuratedJsonBuilder().Build(), new CuratedJsonBuilder().Without("sources").Build());

        // Act
        var summary = await _harness.ImportAsync(file, dryRun: true);

        // Assert
        Assert.Equal("2 added, 0 revised, 0 unchanged, 1 rejected (dry run: nothing was written)", summary.ToString());
        Assert.Equal(0, await _harness.Queries.CountAsync(CancellationToken.None));
        Assert.Equal(0, await HeadAsync());
    }

    [Fact]
    public async Task A_dry_run_of_a_changed_file_reports_the_revision_and_keeps_the_stored_one()
    {
        // Arrange
        var record = new CuratedJsonBuilder().WithTitle("Clash near Laukkai");
        await _harness.ImportAsync(CuratedJsonBuilder.File(record.Build()));

        // Act
        var summary = await _harness.ImportAsync(CuratedJsonBuilder.File(record.WithTitle("Heavy fighting in Laukkai").Build()), dryRun: true);

        // Assert
        Assert.Equal((0, 1, true), (summary.Added, summary.Revised, summary.DryRun));
        var stored = await _harness.Store.TryGetAsync(EventId.Parse(record.Id), CancellationToken.None);
        Assert.Equal((1, "Clash near Laukkai"), (stored?.Revision.Number, stored?.Title));
        Assert.Equal(1, await HeadAsync());
    }

    [Fact]
    public async Task A_record_repeated_in_one_file_is_rejected_with_the_line_of_its_first_appearance()
    {
        // Arrange
        var record = new CuratedJsonBuilder();
        var file = CuratedJsonBuilder.File(record.Build(), new CuratedJsonBuilder().Build(), record.WithTitle("Another view of the same clash").Build());

        // Act
        var summary = await _harness.ImportAsync(file);

        // Assert
        Assert.Equal((2, 1), (summary.Added, summary.Rejected));
        var error = Assert.Single(summary.Errors);
        Assert.Equal((7, "id"), (error.Line, error.Field));
        Assert.Contains("already appears at line 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_revision_records_the_record_curator_else_the_file_curator_else_the_importer()
    {
        // Arrange
        var own = new CuratedJsonBuilder().With("curator", "record-curator");
        var inFile = new CuratedJsonBuilder();
        var inArray = new CuratedJsonBuilder();

        // Act
        await _harness.ImportAsync(CuratedJsonBuilder.File(own.Build(), inFile.Build()));
        await _harness.ImportAsync(CuratedJsonBuilder.Array(inArray.Build()));

        // Assert
        Assert.Equal("record-curator", await RevisedByAsync(own));
        Assert.Equal(CuratedJsonBuilder.FileCurator, await RevisedByAsync(inFile));
        Assert.Equal(SqliteImportHarness.Curator, await RevisedByAsync(inArray));
    }

    [Fact]
    public async Task Two_thousand_records_import_in_batches_of_500_and_a_second_import_finds_them_all_unchanged()
    {
        // Arrange
        var records = Enumerable.Range(0, 2_000).Select(i => new CuratedJsonBuilder().WithId($"evt_bulk_{i:D4}")).ToList();
        var file = CuratedJsonBuilder.File(records);
        var progress = new RecordedProgress();

        // Act
        var first = await _harness.ImportAsync(file, batchSize: 500, progress: progress);
        var second = await _harness.ImportAsync(file, batchSize: 500);

        // Assert
        Assert.Equal((2_000, 0), (first.Added, first.Rejected));
        Assert.Equal((0, 0, 2_000, 0), (second.Added, second.Revised, second.Unchanged, second.Rejected));
        Assert.Equal(2_000, await _harness.Queries.CountAsync(CancellationToken.None));
        Assert.Equal(2_000, await HeadAsync());
        Assert.Equal([500, 1_000, 1_500, 2_000], progress.Records.Distinct());
        var last = await _harness.Store.TryGetAsync(EventId.Parse("evt_bulk_1999"), CancellationToken.None);
        Assert.Equal(records[^1].Id, last?.Id.Value);
    }

    private Task<long> HeadAsync() => _harness.Feed.GetHeadAsync(CancellationToken.None);

    private async Task<string?> RevisedByAsync(CuratedJsonBuilder record) =>
        (await _harness.Store.TryGetAsync(EventId.Parse(record.Id), CancellationToken.None))?.Revision.By;

    /// <summary>Records every report synchronously (unlike <see cref="Progress{T}"/>, which posts them).</summary>
    private sealed class RecordedProgress : IProgress<ImportProgress>
    {
        public List<int> Records { get; } = [];

        public void Report(ImportProgress value) => Records.Add(value.Records);
    }
}
