using BorderAlertBot.Curation;
using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using BorderAlertBot.Serialization;
using BorderAlertBot.Testing.Stores;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BorderAlertBot.Core.Tests.Curation;

/// <summary>An in-memory store with the curator, the merger and the importer over it, for curation tests.</summary>
internal sealed class CurationStore
{
    public static readonly DateTimeOffset Start = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    public CurationStore(CurationOptions? options = null)
    {
        Merger = new EventMerger(Store.Queries, Options.Create(options ?? new CurationOptions()));
        Curator = new EventCurator(Store, Store.Queries, Time, enricher: null, Gazetteer.Bundled);
        Importer = new EventImporter(Store, Time, enricher: null, Merger);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public InMemoryEventStore Store { get; } = new();

    public EventMerger Merger { get; }

    public EventCurator Curator { get; }

    public EventImporter Importer { get; }

    public async Task<ConflictEvent> AddAsync(ConflictEvent conflictEvent)
    {
        var first = conflictEvent with { Revision = new RevisionInfo(1, Time.GetUtcNow(), "seed", ["created"]) };
        await Store.WriteAsync([new(first, EventDocument.Fingerprint(first))], CancellationToken.None);
        return first;
    }

    public async Task<ConflictEvent> GetAsync(EventId id) =>
        await Store.TryGetAsync(id, CancellationToken.None) ?? throw new InvalidOperationException($"{id} is not stored.");

    /// <summary>Imports the records as a machine source would: pending, merging reports.</summary>
    public Task<ImportSummary> IngestAsync(params ConflictEvent[] records) =>
        Importer.ImportAsync(
            records.Select((record, index) => ImportRecord.Valid(index, index + 1, 0, record, null)).ToAsyncEnumerable(),
            new ImportOptions(DryRun: false, Curator: "gdelt") { SourceTrust = EventStatus.Pending, MergeReports = true },
            CancellationToken.None);
}
