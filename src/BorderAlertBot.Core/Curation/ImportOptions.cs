using BorderAlertBot.Domain;

namespace BorderAlertBot.Curation;

/// <summary>
/// How to import: <paramref name="DryRun"/> computes everything and writes nothing; <paramref name="BatchSize"/> records
/// are written per transaction. A thousand: with 2,000 a million-row import spent 5.6 s in GC pauses, the batches in
/// flight being what every collection had to keep (3.0 s at 1,000), and at 500 the extra commits cost what the pauses saved.
/// </summary>
public sealed record ImportOptions(bool DryRun, string Curator, IProgress<ImportProgress>? Progress = null, int BatchSize = 1000)
{
    /// <summary>
    /// Set for a machine source (ACLED, GDELT, a feed, the drop folder's ACLED files) instead of a curator's file: a new
    /// event gets this status (the source's trust), a record finds the event already carrying one of its external ids,
    /// and a stored event keeps what curators decided — its status and reason and a severity override — while the
    /// source's revisions of its content become our revisions. Null for curated imports: the record's status is applied.
    /// </summary>
    public EventStatus? SourceTrust { get; init; }

    /// <summary>
    /// With <see cref="SourceTrust"/>: a new record that is another account of a stored event (<see cref="EventMerger"/>)
    /// is stored as a report merged into it, and the event gains its sources. For sources whose records repeat one
    /// happening (GDELT, feeds), not for ACLED, whose rows are already one event each.
    /// </summary>
    public bool MergeReports { get; init; }
}
