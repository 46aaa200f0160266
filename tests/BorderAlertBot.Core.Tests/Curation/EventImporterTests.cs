using BorderAlertBot.Abstractions;
using BorderAlertBot.Curation;
using BorderAlertBot.Domain;
using BorderAlertBot.Serialization;
using BorderAlertBot.Storage;
using BorderAlertBot.Testing.Builders;
using BorderAlertBot.Testing.Stores;
using Microsoft.Extensions.Time.Testing;

namespace BorderAlertBot.Core.Tests.Curation;

public sealed class EventImporterTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly ImportOptions Import = new(DryRun: false, Curator: "mya");
    private static readonly ImportOptions DryRun = new(DryRun: true, Curator: "mya");

    private readonly FakeTimeProvider _time = new(Start);
    private readonly InMemoryEventStore _store = new();

    [Fact]
    public async Task New_records_are_added_as_revision_1_by_the_curator_at_the_current_time()
    {
        // Arrange
        var first = new EventBuilder().Build();
        var second = new EventBuilder().WithStatus(EventStatus.Pending).Build();

        // Act
        var summary = await ImportAsync(Import, Record(0, first), Record(1, second));

        // Assert
        Assert.Equal((2, 0, 0, 0), Counts(summary));
        var stored = await _store.TryGetAsync(first.Id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal((1, Start, "mya"), (stored.Revision.Number, stored.Revision.At, stored.Revision.By));
        Assert.Equal(["created"], stored.Revision.Changes);
        Assert.Equal(first.Title, stored.Title);
        Assert.Equal([(first.Id, 1, ChangeKind.Created), (second.Id, 1, ChangeKind.Created)],
            _store.Changes.Select(change => (change.EventId, change.Revision, change.Kind)));
    }

    [Fact]
    public async Task A_curated_record_is_stored_with_the_status_it_states_verified_as_curated_files_are_or_pending()
    {
        // Curated files have no source trust: a curator's record is trusted as it stands.
        var verified = new EventBuilder().Build();
        var pending = new EventBuilder().WithStatus(EventStatus.Pending).Build();

        await ImportAsync(Import, Record(0, verified), Record(1, pending));

        Assert.Equal(EventStatus.Verified, (await _store.TryGetAsync(verified.Id, CancellationToken.None))!.Status);
        Assert.Equal(EventStatus.Pending, (await _store.TryGetAsync(pending.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_record_that_names_its_curator_is_credited_to_them()
    {
        var conflictEvent = new EventBuilder().Build();

        await ImportAsync(Import, Record(0, conflictEvent, curator: "kyaw"));

        var stored = await _store.TryGetAsync(conflictEvent.Id, CancellationToken.None);
        Assert.Equal("kyaw", stored!.Revision.By);
    }

    [Fact]
    public async Task Importing_the_same_records_again_leaves_them_unchanged_and_writes_nothing()
    {
        // Arrange
        var events = new[] { new EventBuilder().Build(), new EventBuilder().Build() };
        await ImportAsync(Import, Record(0, events[0]), Record(1, events[1]));
        var writesBefore = _store.WriteCalls;
        _time.Advance(TimeSpan.FromDays(1));

        // Act
        var summary = await ImportAsync(Import, Record(0, events[0]), Record(1, events[1]));

        // Assert
        Assert.Equal((0, 0, 2, 0), Counts(summary));
        Assert.Equal(writesBefore, _store.WriteCalls);
        Assert.Equal(2, _store.Changes.Count);
        Assert.Equal(1, (await _store.TryGetAsync(events[0].Id, CancellationToken.None))!.Revision.Number);
    }

    [Fact]
    public async Task A_changed_record_becomes_revision_2_with_what_changed()
    {
        // Arrange
        var builder = new EventBuilder().WithSubtype(EventSubtype.AirStrike);
        var original = builder.Build();
        await ImportAsync(Import, Record(0, original));
        _time.Advance(TimeSpan.FromHours(3));
        var corrected = builder.WithFigure(FigureKind.Fatalities, 29, "Kachin Independence Army").Build();

        // Act
        var summary = await ImportAsync(new ImportOptions(DryRun: false, Curator: "kyaw"), Record(0, corrected));

        // Assert
        Assert.Equal((0, 1, 0, 0), Counts(summary));
        var stored = await _store.TryGetAsync(original.Id, CancellationToken.None);
        Assert.Equal(2, stored!.Revision.Number);
        Assert.Equal(Start.AddHours(3), stored.Revision.At);
        Assert.Equal("kyaw", stored.Revision.By);
        Assert.Equal(["severity Significant → Critical", "+ figure: 29 killed (as reported by Kachin Independence Army)"], stored.Revision.Changes);
        Assert.Equal([1, 2], (await _store.GetRevisionsAsync(original.Id, CancellationToken.None)).Select(revision => revision.Revision.Number));
        Assert.Equal(ChangeKind.Revised, _store.Changes[^1].Kind);
    }

    [Fact]
    public async Task A_forbidden_status_move_is_rejected_on_its_line_and_the_rest_of_the_batch_is_written()
    {
        // Arrange
        var builder = new EventBuilder().WithStatus(EventStatus.Rejected, "Not corroborated.");
        var rejected = builder.Build();
        await ImportAsync(Import, Record(0, rejected));
        var revived = builder.WithStatus(EventStatus.Verified).Build();
        var fresh = new EventBuilder().Build();

        // Act
        var summary = await ImportAsync(Import, Record(0, revived, line: 2), Record(1, fresh, line: 3));

        // Assert
        Assert.Equal((1, 0, 0, 1), Counts(summary));
        var error = Assert.Single(summary.Errors);
        Assert.Equal("status", error.Field);
        Assert.Equal(2, error.Line);
        Assert.Equal(0, error.Index);
        Assert.Contains("cannot become Verified", error.Message, StringComparison.Ordinal);
        Assert.Equal(EventStatus.Rejected, (await _store.TryGetAsync(rejected.Id, CancellationToken.None))!.Status);
        Assert.NotNull(await _store.TryGetAsync(fresh.Id, CancellationToken.None));
    }

    [Fact]
    public async Task A_verified_event_can_be_retracted_by_an_import()
    {
        var builder = new EventBuilder();
        await ImportAsync(Import, Record(0, builder.Build()));
        var retracted = builder.WithStatus(EventStatus.Retracted, "The footage was from 2021.").Build();

        var summary = await ImportAsync(Import, Record(0, retracted));

        Assert.Equal((0, 1, 0, 0), Counts(summary));
        var stored = await _store.TryGetAsync(retracted.Id, CancellationToken.None);
        Assert.Equal(EventStatus.Retracted, stored!.Status);
        Assert.Equal(["status Verified → Retracted: The footage was from 2021."], stored.Revision.Changes);
    }

    [Fact]
    public async Task A_second_record_with_the_same_id_is_rejected_naming_the_first_line()
    {
        // Arrange
        var builder = new EventBuilder();
        var first = builder.Build();
        var second = builder.WithTitle("Another account of the same clash").Build();

        // Act
        var summary = await ImportAsync(Import, Record(0, first, line: 2), Record(3, second, line: 5));

        // Assert
        Assert.Equal((1, 0, 0, 1), Counts(summary));
        var error = Assert.Single(summary.Errors);
        Assert.Equal(("id", 5, 3), (error.Field, error.Line, error.Index));
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        Assert.Equal(first.Title, (await _store.TryGetAsync(first.Id, CancellationToken.None))!.Title);
    }

    [Fact]
    public async Task Invalid_records_are_rejected_with_their_errors_and_valid_ones_still_imported()
    {
        // Arrange
        var valid = new EventBuilder().Build();
        ImportError[] errors = [new(1, 3, "title", "is empty"), new(1, 3, "sources", "at least one source is required")];

        // Act
        var summary = await ImportAsync(Import, Record(0, valid), ImportRecord.Invalid(1, 3, 300, errors));

        // Assert
        Assert.Equal((1, 0, 0, 1), Counts(summary));
        Assert.Equal(errors, summary.Errors);
        Assert.NotNull(await _store.TryGetAsync(valid.Id, CancellationToken.None));
    }

    [Fact]
    public async Task A_dry_run_writes_nothing_but_counts_what_would_happen()
    {
        // Arrange
        var builder = new EventBuilder();
        var existing = builder.Build();
        await ImportAsync(Import, Record(0, existing));
        var writesBefore = _store.WriteCalls;
        var changed = builder.WithTitle("Clash near Laukkai, 3 killed").Build();
        var fresh = new EventBuilder().Build();

        // Act
        var summary = await ImportAsync(DryRun, Record(0, changed), Record(1, fresh), ImportRecord.Invalid(2, 4, 400, [new(2, 4, "id", "is missing")]));

        // Assert
        Assert.Equal((1, 1, 0, 1), Counts(summary));
        Assert.True(summary.DryRun);
        Assert.Equal(writesBefore, _store.WriteCalls);
        Assert.Single(_store.Changes);
        Assert.Equal(existing.Title, (await _store.TryGetAsync(existing.Id, CancellationToken.None))!.Title);
        Assert.Null(await _store.TryGetAsync(fresh.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Records_are_written_in_batches_with_progress_after_each()
    {
        // Arrange
        var progress = new ProgressLog();
        var records = Enumerable.Range(0, 5).Select(index => Record(index, new EventBuilder().Build())).ToArray();

        // Act
        var summary = await ImportAsync(Import with { BatchSize = 2, Progress = progress }, records);

        // Assert
        Assert.Equal((5, 0, 0, 0), Counts(summary));
        Assert.Equal(3, _store.WriteCalls);
        Assert.Equal([new(2, 200), new(4, 400), new ImportProgress(5, 500)], progress.Reports);
    }

    [Fact]
    public async Task A_stale_revision_fails_the_import_instead_of_overwriting()
    {
        // Arrange: another writer revises the event between our version check and our write.
        var builder = new EventBuilder();
        var original = builder.Build();
        await ImportAsync(Import, Record(0, original));
        var racing = new RacingStore(_store, original with { Title = "Written by someone else", Revision = new RevisionInfo(2, Start, "other", ["title changed"]) });
        var mine = builder.WithTitle("Written by me").Build();

        // Act & Assert
        await Assert.ThrowsAsync<ConcurrencyException>(() =>
            new EventImporter(racing, _time).ImportAsync(new[] { Record(0, mine) }.ToAsyncEnumerable(), Import, CancellationToken.None));
        Assert.Equal("Written by someone else", (await _store.TryGetAsync(original.Id, CancellationToken.None))!.Title);
    }

    [Fact]
    public async Task A_record_citing_an_external_id_the_batch_before_claims_joins_that_event_though_it_was_looked_up_during_that_write()
    {
        // Arrange: two sources' accounts of one clash, in consecutive batches of a machine source's import; the first
        // batch's write is held until the second batch has asked who owns the external id.
        var first = new EventBuilder().WithId("evt_first_account").WithExternalIds("acled:MMR1").Build();
        var second = new EventBuilder().WithId("evt_second_account").WithExternalIds("acled:MMR1").WithTitle("Second account").Build();
        var store = new FirstWriteWaitsForLookupsStore(_store, lookups: 4);
        var machineSource = Import with { BatchSize = 1, SourceTrust = EventStatus.Verified };

        // Act
        var summary = await new EventImporter(store, _time).ImportAsync(new[] { Record(0, first), Record(1, second) }.ToAsyncEnumerable(), machineSource, CancellationToken.None);

        // Assert: one event, which the second account revised.
        Assert.Equal((1, 1, 0, 0), Counts(summary));
        Assert.Null(await _store.TryGetAsync(second.Id, CancellationToken.None));
        Assert.Equal(2, (await _store.TryGetAsync(first.Id, CancellationToken.None))!.Revision.Number);
    }

    [Fact]
    public async Task An_event_the_batch_before_revises_is_revised_again_from_that_revision_though_it_was_looked_up_during_that_write()
    {
        // Arrange: a stored event; a new record citing its external id (so it revises that event) in one batch, and the
        // event's own record, changed, in the next, looked up while the first is written.
        var builder = new EventBuilder().WithId("evt_stored").WithExternalIds("acled:MMR2");
        await ImportAsync(Import, Record(0, builder.Build()));
        var citing = new EventBuilder().WithId("evt_citing").WithExternalIds("acled:MMR2").Build();
        var changed = builder.WithTitle("Corrected title").Build();
        var lookups = new FirstWriteWaitsForLookupsStore(_store, lookups: 4);
        var machineSource = Import with { BatchSize = 1, SourceTrust = EventStatus.Verified };

        // Act
        var summary = await new EventImporter(lookups, _time).ImportAsync(new[] { Record(0, citing), Record(1, changed) }.ToAsyncEnumerable(), machineSource, CancellationToken.None);

        // Assert: both revisions written, one after the other, instead of the second failing as stale.
        Assert.Equal((0, 2, 0, 0), Counts(summary));
        var stored = (await _store.TryGetAsync(changed.Id, CancellationToken.None))!;
        Assert.Equal((3, "Corrected title"), (stored.Revision.Number, stored.Title));
    }

    private Task<ImportSummary> ImportAsync(ImportOptions options, params ImportRecord[] records) =>
        new EventImporter(_store, _time).ImportAsync(records.ToAsyncEnumerable(), options, CancellationToken.None);

    private static ImportRecord Record(int index, ConflictEvent conflictEvent, string? curator = null, int? line = null) =>
        ImportRecord.Valid(index, line ?? index + 2, (index + 1) * 100L, conflictEvent, curator);

    private static (int Added, int Revised, int Unchanged, int Rejected) Counts(ImportSummary summary) =>
        (summary.Added, summary.Revised, summary.Unchanged, summary.Rejected);

    private sealed class ProgressLog : IProgress<ImportProgress>
    {
        public List<ImportProgress> Reports { get; } = [];

        public void Report(ImportProgress value) => Reports.Add(value);
    }

    /// <summary>Lets another writer commit <paramref name="racingRevision"/> just before the importer's write.</summary>
    private sealed class RacingStore(InMemoryEventStore inner, ConflictEvent racingRevision) : IEventStore
    {
        public Task<ConflictEvent?> TryGetAsync(EventId id, CancellationToken cancellationToken) => inner.TryGetAsync(id, cancellationToken);

        public Task<IReadOnlyDictionary<EventId, StoredVersion>> GetVersionsAsync(IReadOnlyCollection<EventId> ids, CancellationToken cancellationToken) =>
            inner.GetVersionsAsync(ids, cancellationToken);

        public Task<IReadOnlyDictionary<string, EventId>> FindByExternalIdsAsync(IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken) =>
            inner.FindByExternalIdsAsync(externalIds, cancellationToken);

        public Task<ConflictEvent?> TryGetRevisionAsync(EventId id, int revision, CancellationToken cancellationToken) =>
            inner.TryGetRevisionAsync(id, revision, cancellationToken);

        public Task<IReadOnlyList<ConflictEvent>> GetRevisionsAsync(EventId id, CancellationToken cancellationToken) =>
            inner.GetRevisionsAsync(id, cancellationToken);

        public async Task WriteAsync(IReadOnlyList<EventWrite> writes, CancellationToken cancellationToken)
        {
            await inner.WriteAsync([new EventWrite(racingRevision, EventDocument.Fingerprint(racingRevision))], cancellationToken);
            await inner.WriteAsync(writes, cancellationToken);
        }
    }

    /// <summary>
    /// Holds the import's first write until the store has been asked <paramref name="lookups"/> times (external ids and
    /// versions, two per batch): the next batch is then looked up while the first is being written.
    /// </summary>
    private sealed class FirstWriteWaitsForLookupsStore(InMemoryEventStore inner, int lookups) : IEventStore
    {
        private readonly TaskCompletionSource _looked = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _lookups;
        private int _writes;

        public Task<ConflictEvent?> TryGetAsync(EventId id, CancellationToken cancellationToken) => inner.TryGetAsync(id, cancellationToken);

        public Task<IReadOnlyDictionary<EventId, StoredVersion>> GetVersionsAsync(IReadOnlyCollection<EventId> ids, CancellationToken cancellationToken)
        {
            Looked();
            return inner.GetVersionsAsync(ids, cancellationToken);
        }

        public Task<IReadOnlyDictionary<string, EventId>> FindByExternalIdsAsync(IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken)
        {
            Looked();
            return inner.FindByExternalIdsAsync(externalIds, cancellationToken);
        }

        public Task<ConflictEvent?> TryGetRevisionAsync(EventId id, int revision, CancellationToken cancellationToken) =>
            inner.TryGetRevisionAsync(id, revision, cancellationToken);

        public Task<IReadOnlyList<ConflictEvent>> GetRevisionsAsync(EventId id, CancellationToken cancellationToken) =>
            inner.GetRevisionsAsync(id, cancellationToken);

        public async Task WriteAsync(IReadOnlyList<EventWrite> writes, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _writes) == 1)
            {
                await _looked.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken); // A guard: the lookups come at once.
            }

            await inner.WriteAsync(writes, cancellationToken);
        }

        private void Looked()
        {
            if (Interlocked.Increment(ref _lookups) == lookups)
            {
                _looked.SetResult();
            }
        }
    }
}
