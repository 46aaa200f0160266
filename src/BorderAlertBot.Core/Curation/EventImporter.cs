using BorderAlertBot.Abstractions;
using BorderAlertBot.Domain;
using BorderAlertBot.Serialization;
using BorderAlertBot.Storage;
using BorderAlertBot.Telemetry;

namespace BorderAlertBot.Curation;

/// <summary>
/// Brings records from any import source into the store: a new id is added, a changed record becomes the next revision,
/// an identical one is left alone, and a record with errors is reported without touching the store. Records are written
/// in batches, each batch in one transaction, so a record never half-applies.
/// </summary>
public sealed class EventImporter(IEventStore store, TimeProvider timeProvider, IEventEnricher? enricher = null, EventMerger? merger = null, BorderAlertBotMetrics? metrics = null)
{
    public async Task<ImportSummary> ImportAsync(IAsyncEnumerable<ImportRecord> records, ImportOptions options, CancellationToken cancellationToken)
    {
        var tally = new Tally();
        var seen = new Dictionary<IdKey, int>();
        var batch = new List<PreparedRecord>(options.BatchSize);
        var count = 0;
        long position = 0;
        var writing = Task.FromResult<BatchPlan?>(null);
        var written = 0;
        long writtenPosition = 0;
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            count++;
            position = record.Position;
            var key = record.Event is { } read ? IdKey.Of(read.Id) : default;
            if (record.Event is { } conflictEvent && seen.TryGetValue(key, out var firstLine))
            {
                batch.Add(new PreparedRecord(ImportRecord.Invalid(record.Index, record.Line, record.Position,
                    [new ImportError(record.Index, record.Line, "id", $"{conflictEvent.Id} already appears at line {firstLine} of this input")])));
            }
            else
            {
                if (record.Event is not null)
                {
                    seen[key] = record.Line;
                }

                batch.Add(Prepare(record, options));
            }

            if (batch.Count >= options.BatchSize)
            {
                // Pipelined: the batch is planned (looked up and compared with the store) while the one before is written,
                // and written on another thread while the next one is read; batches still reach the store one after the
                // other, in order.
                var plan = await PlanAfterAsync(batch, writing, options, cancellationToken);
                if (written > 0)
                {
                    options.Progress?.Report(new ImportProgress(written, writtenPosition));
                }

                (written, writtenPosition) = (count, position);
                writing = Task.Run(() => WriteAsync(plan, tally, options, cancellationToken), cancellationToken);
                batch = new List<PreparedRecord>(options.BatchSize);
            }
        }

        var last = await PlanAfterAsync(batch, writing, options, cancellationToken);
        if (written > 0 && written < count)
        {
            options.Progress?.Report(new ImportProgress(written, writtenPosition));
        }

        await WriteAsync(last, tally, options, cancellationToken);
        options.Progress?.Report(new ImportProgress(count, position));
        var summary = tally.ToSummary(options.DryRun);
        if (!options.DryRun && metrics is not null)
        {
            // The source a record came from: a machine source's name, or the curator a file was imported by.
            metrics.Ingested(options.Curator, "added", summary.Added);
            metrics.Ingested(options.Curator, "revised", summary.Revised);
            metrics.Ingested(options.Curator, "unchanged", summary.Unchanged);
            metrics.Ingested(options.Curator, "rejected", summary.Rejected);
        }

        return summary;
    }

    /// <summary>
    /// The events a source says no longer exist (ACLED's deleted list), by external id: a verified one is retracted and a
    /// pending one rejected, each with <paramref name="reason"/>, so channels that were alerted see it withdrawn. Returns how
    /// many events changed; ids no event carries, and events already withdrawn, change nothing.
    /// </summary>
    public async Task<int> WithdrawAsync(IReadOnlyCollection<string> externalIds, string reason, string by, CancellationToken cancellationToken)
    {
        var owners = await store.FindByExternalIdsAsync(externalIds, cancellationToken);
        var writes = new List<EventWrite>();
        var now = timeProvider.GetUtcNow();
        foreach (var id in owners.Values.Distinct())
        {
            if (await store.TryGetAsync(id, cancellationToken) is not { } stored)
            {
                continue;
            }

            EventStatus? withdrawn = stored.Status switch
            {
                EventStatus.Verified => EventStatus.Retracted,
                EventStatus.Pending => EventStatus.Rejected,
                _ => null,
            };
            if (withdrawn is not { } status)
            {
                continue;
            }

            var next = stored with { Status = status, StatusReason = reason };
            writes.Add(EventWrite.Of(
                next with { Revision = new RevisionInfo(stored.Revision.Number + 1, now, by, EventDiff.Describe(stored, next)) },
                EventDocument.SerializeContent(next)));
        }

        await store.WriteAsync(writes, cancellationToken);
        return writes.Count;
    }

    /// <summary>
    /// What can be done for a record before its batch is written, on the reading side of the pipeline: placing it on the
    /// border, and serialising and fingerprinting it as it will be stored if it is new (or stored with the status it
    /// would be given), and what search will read of it. The batch uses that when the record turns out so, and works it
    /// out again otherwise.
    /// </summary>
    private PreparedRecord Prepare(ImportRecord record, ImportOptions options)
    {
        if (record.Event is not { } read)
        {
            return new PreparedRecord(record);
        }

        var enriched = enricher?.Enrich(read) ?? read;
        var expected = WithTrust(enriched, options);
        var content = EventDocument.SerializeContent(expected);
        return new PreparedRecord(record, enriched, expected, content, EventDocument.Fingerprint(content), SearchableText.Of(expected));
    }

    /// <summary>
    /// <paramref name="batch"/>'s plan, worked out while <paramref name="previous"/> (the batch before) is written, unless
    /// that write touches what the plan read: an event or an external id it looked up. Then, and for batches that merge
    /// reports (which look for similar stored events, of which the write before may hold some), it is worked out once
    /// that write is committed, so a batch always sees what the batches before it wrote.
    /// </summary>
    private async Task<BatchPlan> PlanAfterAsync(List<PreparedRecord> batch, Task<BatchPlan?> previous, ImportOptions options, CancellationToken cancellationToken)
    {
        var early = options.MergeReports && merger is not null ? null : await PlanAsync(batch, options, cancellationToken);
        var before = await previous;
        return early is not null && (before is null || !early.ReadWhatWasWritten(before.Writes))
            ? early
            : await PlanAsync(batch, options, cancellationToken);
    }

    /// <summary>Writes what <paramref name="plan"/> says and counts it; returns the plan when it wrote anything.</summary>
    private async Task<BatchPlan?> WriteAsync(BatchPlan plan, Tally tally, ImportOptions options, CancellationToken cancellationToken)
    {
        var write = !options.DryRun && plan.Writes.Count > 0;
        if (write)
        {
            await store.WriteAsync(plan.Writes, cancellationToken);
        }

        tally.Add(plan.Counts);
        return write ? plan : null;
    }

    /// <summary>What the batch's records come to against the store as it is now: the writes to make, and their counts.</summary>
    private async Task<BatchPlan> PlanAsync(List<PreparedRecord> batch, ImportOptions options, CancellationToken cancellationToken)
    {
        var tally = new Tally();
        var externalIds = new HashSet<string>(StringComparer.Ordinal);
        var claimed = new HashSet<EventId>();
        var writes = new List<EventWrite>();
        if (batch.Count == 0)
        {
            return new BatchPlan(writes, tally, claimed, externalIds);
        }

        if (options.SourceTrust is not null)
        {
            foreach (var prepared in batch)
            {
                var cited = prepared.Record.Event?.ExternalIds ?? [];
                for (var i = 0; i < cited.Count; i++) // By index: a foreach over the interface allocates an enumerator.
                {
                    externalIds.Add(cited[i]);
                }
            }
        }

        var owners = externalIds.Count == 0 ? EmptyOwners : await store.FindByExternalIdsAsync(externalIds, cancellationToken);
        var incomingEvents = new List<(PreparedRecord Prepared, ConflictEvent Event, bool IsReportOfKnownEvent)>(batch.Count);
        foreach (var prepared in batch)
        {
            if (prepared.Enriched is not { } incoming)
            {
                tally.Reject(prepared.Record.Errors);
                continue;
            }

            var known = ToKnownEvent(incoming, owners, claimed);
            claimed.Add(known.Id);
            incomingEvents.Add((prepared, known, known.Id != incoming.Id));
        }

        var stored = await store.GetVersionsAsync([.. incomingEvents.Select(pair => pair.Event.Id)], cancellationToken);
        var survivors = new Dictionary<EventId, ConflictEvent>();
        var now = timeProvider.GetUtcNow();
        foreach (var (prepared, read, isReportOfKnownEvent) in incomingEvents)
        {
            var record = prepared.Record;
            var incoming = read;
            var by = record.Curator ?? options.Curator;
            if (!stored.TryGetValue(incoming.Id, out var version))
            {
                incoming = isReportOfKnownEvent ? WithTrust(incoming, options) : prepared.Expected!; // Prepared with the event.
                var created = Created;
                if (options.MergeReports && merger is not null && await FindSurvivorAsync(incoming, survivors, claimed, cancellationToken) is { } survivor)
                {
                    (survivors[survivor.Id], incoming) = Reports.Merge(survivor, incoming);
                    created = ["created", $"merged into {survivor.Id}"];
                    tally.Merged++;
                }

                var newEvent = incoming with { Revision = new RevisionInfo(1, now, by, created) };
                writes.Add(ReferenceEquals(incoming, prepared.Expected)
                    ? new EventWrite(newEvent, prepared.Fingerprint!) { Content = prepared.Content, Searchable = prepared.Searchable } // Set with Expected.
                    : EventWrite.Of(newEvent, EventDocument.SerializeContent(incoming)));
                tally.Added++;
                continue;
            }

            // A source's record says nothing of curation: compare it as if it carried the stored status. Only when it
            // still differs (or curators left a reason or an override that the comparison cannot guess) is the stored
            // event read, which a re-run of an unchanged source never does.
            if (options.SourceTrust is not null)
            {
                incoming = !isReportOfKnownEvent && version.Status == prepared.Expected!.Status // Prepared with the event.
                    ? prepared.Expected
                    : incoming with { Status = version.Status, StatusReason = null };
            }

            var (content, fingerprint) = ReferenceEquals(incoming, prepared.Expected)
                ? (prepared.Content!, prepared.Fingerprint!) // Set with Expected.
                : Serialize(incoming);
            if (version.Fingerprint == fingerprint)
            {
                tally.Unchanged++;
                continue;
            }

            var previous = await store.TryGetAsync(incoming.Id, cancellationToken)
                ?? throw new ConcurrencyException($"{incoming.Id} disappeared during the import.");
            if (options.SourceTrust is not null)
            {
                incoming = isReportOfKnownEvent ? Reports.Absorb(previous, read) : KeepCuration(incoming, previous);
                (content, fingerprint) = Serialize(incoming);
                if (version.Fingerprint == fingerprint)
                {
                    tally.Unchanged++;
                    continue;
                }
            }
            else if (!version.Status.CanBecome(incoming.Status))
            {
                tally.Reject([new ImportError(record.Index, record.Line, "status",
                    $"{incoming.Id} is {version.Status} and cannot become {incoming.Status} (allowed: Pending → Verified or Rejected; Verified → Retracted)")]);
                continue;
            }

            var changes = EventDiff.Describe(previous, incoming);
            writes.Add(new EventWrite(incoming with { Revision = new RevisionInfo(version.Revision + 1, now, by, changes) }, fingerprint) { Content = content });
            tally.Revised++;
        }

        foreach (var survivor in survivors.Values)
        {
            var previous = await store.TryGetAsync(survivor.Id, cancellationToken) ?? throw new ConcurrencyException($"{survivor.Id} disappeared during the import.");
            var changes = EventDiff.Describe(previous, survivor);
            writes.Add(EventWrite.Of(survivor with { Revision = new RevisionInfo(previous.Revision.Number + 1, now, options.Curator, changes) }, EventDocument.SerializeContent(survivor)));
        }

        return new BatchPlan(writes, tally, claimed, externalIds);
    }

    /// <summary>
    /// An id as the key of "seen in this input": two unrelated 64-bit hashes of it (FNV-1a, and a rotate-multiply hash),
    /// so a million ids take some 35 MB rather than every id string, and a false "already appears" needs two ids to
    /// collide in 128 bits. Two <see cref="ulong"/>s rather than a <see cref="UInt128"/>, whose 16-byte alignment pads
    /// each dictionary entry from 32 bytes to 48 (some 20 MB more at a million ids).
    /// </summary>
    private readonly record struct IdKey(ulong High, ulong Low)
    {
        public static IdKey Of(EventId id)
        {
            var (high, low) = (14695981039346656037UL, 0x9E3779B97F4A7C15UL);
            foreach (var c in id.Value)
            {
                high = (high ^ c) * 1099511628211UL;
                low = System.Numerics.BitOperations.RotateLeft(low ^ c, 27) * 0xC2B2AE3D27D4EB4FUL;
            }

            return new IdKey(high, low);
        }
    }

    /// <summary>
    /// The stored event <paramref name="report"/> is another account of, as merged so far in this batch; null when there is
    /// none, or when that event is itself a record of this batch (it is written once per batch).
    /// </summary>
    private async Task<ConflictEvent?> FindSurvivorAsync(ConflictEvent report, Dictionary<EventId, ConflictEvent> survivors, HashSet<EventId> claimed, CancellationToken cancellationToken)
    {
        if (await merger!.FindTargetAsync(report, cancellationToken) is not { } target || claimed.Contains(target.Id)) // Checked by the caller.
        {
            return null;
        }

        return survivors.GetValueOrDefault(target.Id) ?? target;
    }

    private static readonly IReadOnlyList<string> Created = ["created"];

    private static readonly IReadOnlyDictionary<string, EventId> EmptyOwners = new Dictionary<string, EventId>();

    private static ConflictEvent WithTrust(ConflictEvent incoming, ImportOptions options) =>
        options.SourceTrust is { } trust && (incoming.Status != trust || incoming.StatusReason is not null) ? incoming with { Status = trust, StatusReason = null } : incoming;

    private static (byte[] Content, string Fingerprint) Serialize(ConflictEvent conflictEvent)
    {
        var content = EventDocument.SerializeContent(conflictEvent);
        return (content, EventDocument.Fingerprint(content));
    }

    /// <summary>
    /// The record under the id of the event that already carries one of its external ids (a curated event citing ACLED's
    /// row, say), so a source never adds a second event for one it reported before; the record then only adds its
    /// sources to that event (<see cref="Reports.Absorb"/>). Two records of one batch never land on one event: the second
    /// keeps its own id.
    /// </summary>
    private static ConflictEvent ToKnownEvent(ConflictEvent incoming, IReadOnlyDictionary<string, EventId> owners, HashSet<EventId> claimed)
    {
        foreach (var externalId in incoming.ExternalIds)
        {
            if (owners.TryGetValue(externalId, out var owner) && owner != incoming.Id && !claimed.Contains(owner))
            {
                return incoming with { Id = owner };
            }
        }

        return incoming;
    }

    /// <summary>What curators decided stays when a source revises an event's content.</summary>
    private static ConflictEvent KeepCuration(ConflictEvent incoming, ConflictEvent stored) => incoming with
    {
        Status = stored.Status,
        StatusReason = stored.StatusReason,
        MergedInto = stored.MergedInto,
        MergedReports = stored.MergedReports,
        Severity = stored.Severity.Override is null ? incoming.Severity : incoming.Severity with { Override = stored.Severity.Override },
        ExternalIds = [.. stored.ExternalIds.Union(incoming.ExternalIds, StringComparer.Ordinal)],
    };

    private sealed class Tally
    {
        private readonly List<ImportError> _errors = [];

        public int Added { get; set; }

        public int Revised { get; set; }

        public int Unchanged { get; set; }

        public int Merged { get; set; }

        public int Rejected { get; private set; }

        public void Reject(IReadOnlyList<ImportError> errors)
        {
            Rejected++;
            _errors.AddRange(errors);
        }

        public void Add(Tally other)
        {
            (Added, Revised, Unchanged, Merged, Rejected) =
                (Added + other.Added, Revised + other.Revised, Unchanged + other.Unchanged, Merged + other.Merged, Rejected + other.Rejected);
            _errors.AddRange(other._errors);
        }

        public ImportSummary ToSummary(bool dryRun) => new(Added, Revised, Unchanged, Rejected, _errors, dryRun) { Merged = Merged };
    }

    /// <summary>
    /// A batch's writes and counts, and what it read of the store to work them out: the events it looked up
    /// (<paramref name="Events"/>) and the external ids it looked for owners of.
    /// </summary>
    private sealed record BatchPlan(List<EventWrite> Writes, Tally Counts, HashSet<EventId> Events, HashSet<string> ExternalIds)
    {
        /// <summary>Whether <paramref name="written"/> changed anything this plan read, which makes the plan stale.</summary>
        public bool ReadWhatWasWritten(List<EventWrite> written)
        {
            foreach (var write in written)
            {
                if (Events.Contains(write.Event.Id))
                {
                    return true;
                }

                var cited = write.Event.ExternalIds;
                for (var i = 0; i < cited.Count; i++)
                {
                    if (ExternalIds.Contains(cited[i]))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
