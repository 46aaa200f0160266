using BorderAlertBot.Abstractions;
using BorderAlertBot.Domain;
using BorderAlertBot.Serialization;
using BorderAlertBot.Storage;

namespace BorderAlertBot.Curation;

/// <summary>
/// Brings records from any import source into the store: a new id is added, a changed record becomes the next revision,
/// an identical one is left alone, and a record with errors is reported without touching the store. Records are written
/// in batches, each batch in one transaction, so a record never half-applies.
/// </summary>
public sealed class EventImporter(IEventStore store, TimeProvider timeProvider, IEventEnricher? enricher = null)
{
    public async Task<ImportSummary> ImportAsync(IAsyncEnumerable<ImportRecord> records, ImportOptions options, CancellationToken cancellationToken)
    {
        var tally = new Tally();
        var seen = new Dictionary<EventId, int>();
        var batch = new List<ImportRecord>(options.BatchSize);
        var count = 0;
        long position = 0;
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            count++;
            position = record.Position;
            if (record.Event is { } conflictEvent && seen.TryGetValue(conflictEvent.Id, out var firstLine))
            {
                tally.Reject([new ImportError(record.Index, record.Line, "id", $"{conflictEvent.Id} already appears at line {firstLine} of this input")]);
                continue;
            }

            if (record.Event is { } accepted)
            {
                seen[accepted.Id] = record.Line;
            }

            batch.Add(record);
            if (batch.Count >= options.BatchSize)
            {
                await ImportBatchAsync(batch, options, tally, cancellationToken);
                batch.Clear();
                options.Progress?.Report(new ImportProgress(count, position));
            }
        }

        await ImportBatchAsync(batch, options, tally, cancellationToken);
        options.Progress?.Report(new ImportProgress(count, position));
        return tally.ToSummary(options.DryRun);
    }

    private async Task ImportBatchAsync(List<ImportRecord> batch, ImportOptions options, Tally tally, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var ids = batch.Where(record => record.Event is not null).Select(record => record.Event!.Id).ToList(); // Event checked just before.
        var stored = await store.GetVersionsAsync(ids, cancellationToken);
        var writes = new List<EventWrite>();
        var now = timeProvider.GetUtcNow();
        foreach (var record in batch)
        {
            if (record.Event is not { } read)
            {
                tally.Reject(record.Errors);
                continue;
            }

            var incoming = enricher?.Enrich(read) ?? read;

            var fingerprint = EventDocument.Fingerprint(incoming);
            var by = record.Curator ?? options.Curator;
            if (!stored.TryGetValue(incoming.Id, out var version))
            {
                writes.Add(new EventWrite(incoming with { Revision = new RevisionInfo(1, now, by, ["created"]) }, fingerprint));
                tally.Added++;
                continue;
            }

            if (version.Fingerprint == fingerprint)
            {
                tally.Unchanged++;
                continue;
            }

            if (!version.Status.CanBecome(incoming.Status))
            {
                tally.Reject([new ImportError(record.Index, record.Line, "status",
                    $"{incoming.Id} is {version.Status} and cannot become {incoming.Status} (allowed: Pending → Verified or Rejected; Verified → Retracted)")]);
                continue;
            }

            var previous = await store.TryGetAsync(incoming.Id, cancellationToken)
                ?? throw new ConcurrencyException($"{incoming.Id} disappeared during the import.");
            var changes = EventDiff.Describe(previous, incoming);
            writes.Add(new EventWrite(incoming with { Revision = new RevisionInfo(version.Revision + 1, now, by, changes) }, fingerprint));
            tally.Revised++;
        }

        if (!options.DryRun && writes.Count > 0)
        {
            await store.WriteAsync(writes, cancellationToken);
        }
    }

    private sealed class Tally
    {
        private readonly List<ImportError> _errors = [];

        public int Added { get; set; }

        public int Revised { get; set; }

        public int Unchanged { get; set; }

        public int Rejected { get; private set; }

        public void Reject(IReadOnlyList<ImportError> errors)
        {
            Rejected++;
            _errors.AddRange(errors);
        }

        public ImportSummary ToSummary(bool dryRun) => new(Added, Revised, Unchanged, Rejected, _errors, dryRun);
    }
}
