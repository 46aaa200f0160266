using BorderAlertBot.Domain;
using BorderAlertBot.Storage;

namespace BorderAlertBot.Curation;

public sealed partial class EventCurator
{
    /// <summary>
    /// Folds <paramref name="reports"/> into <paramref name="into"/>: each report is marked merged (keeping its own
    /// revisions) and the event gains its sources, external ids and figures, all in one transaction.
    /// </summary>
    public async Task<CurationOutcome> MergeAsync(EventId into, IReadOnlyList<EventId> reports, string curator, CancellationToken cancellationToken)
    {
        if (await store.TryGetAsync(into, cancellationToken) is not { } survivor)
        {
            return NotFound(into);
        }

        if (survivor.Status is not (EventStatus.Pending or EventStatus.Verified))
        {
            return CurationOutcome.Refused($"{into} is {survivor.Status}; only a pending or verified event can take reports.");
        }

        var writes = new List<EventWrite>();
        var original = survivor;
        foreach (var id in reports.Distinct())
        {
            if (await store.TryGetAsync(id, cancellationToken) is not { } report)
            {
                return NotFound(id);
            }

            var refusal = id == into ? $"{id} cannot be merged into itself."
                : report.Status is not (EventStatus.Pending or EventStatus.Verified) ? $"{id} is {report.Status}; only a pending or verified report can be merged."
                : report.Kind != survivor.Kind ? $"{id} is a {report.Kind} and {into} a {survivor.Kind}; only reports of one kind are one happening."
                : report.MergedReports is { Count: > 0 } ? $"{id} has reports merged into it; split them out first (events split {id})."
                : null;
            if (refusal is not null)
            {
                return CurationOutcome.Refused(refusal);
            }

            (survivor, var merged) = Reports.Merge(survivor, report);
            writes.Add(Revise(report, merged, curator));
        }

        writes.Add(Revise(original, survivor, curator));
        return await WriteAsync(writes, $"Merged {string.Join(", ", reports.Distinct())} into {into}: {survivor.Corroboration} (revision {original.Revision.Number + 1}, by {curator}).", cancellationToken);
    }

    /// <summary>
    /// Undoes merges into <paramref name="survivorId"/>: <paramref name="reportId"/> (or every merged report when null) gets
    /// back the status it had before, and the event loses what that report brought.
    /// </summary>
    public async Task<CurationOutcome> SplitAsync(EventId survivorId, EventId? reportId, string curator, CancellationToken cancellationToken)
    {
        if (await store.TryGetAsync(survivorId, cancellationToken) is not { } survivor)
        {
            return NotFound(survivorId);
        }

        var merged = survivor.MergedReports ?? [];
        if (merged.Count == 0 || (reportId is { } one && !merged.Contains(one)))
        {
            return CurationOutcome.Refused(reportId is { } missing
                ? $"{missing} is not merged into {survivorId}{(merged.Count > 0 ? $" (its reports: {string.Join(", ", merged)})" : string.Empty)}."
                : $"{survivorId} has no reports merged into it.");
        }

        var survivorRevisions = await store.GetRevisionsAsync(survivorId, cancellationToken);
        var writes = new List<EventWrite>();
        var original = survivor;
        foreach (var id in reportId is { } only ? [only] : merged)
        {
            if (await store.TryGetAsync(id, cancellationToken) is not { } report)
            {
                return NotFound(id);
            }

            var before = await StatusBeforeMergeAsync(id, cancellationToken);
            writes.Add(Revise(report, report with { Status = before.Status, StatusReason = before.StatusReason, MergedInto = null }, curator));
            survivor = Reports.WithoutReport(survivor, BeforeMerge(survivorRevisions, id), report);
        }

        writes.Add(Revise(original, survivor, curator));
        return await WriteAsync(writes, $"Split {string.Join(", ", writes.SkipLast(1).Select(write => write.Event.Id))} out of {survivorId}: it now has {survivor.Corroboration}.", cancellationToken);
    }

    /// <summary>The report's status before it was merged; a report created merged (by a source) goes back to pending.</summary>
    private async Task<(EventStatus Status, string? StatusReason)> StatusBeforeMergeAsync(EventId id, CancellationToken cancellationToken)
    {
        var revisions = await store.GetRevisionsAsync(id, cancellationToken);
        return revisions.LastOrDefault(revision => revision.Status != EventStatus.Merged) is { } before
            ? (before.Status, before.StatusReason)
            : (EventStatus.Pending, null);
    }

    /// <summary>The survivor as it was just before <paramref name="reportId"/> was merged into it.</summary>
    private static ConflictEvent BeforeMerge(IReadOnlyList<ConflictEvent> revisions, EventId reportId)
    {
        var first = revisions.ToList().FindIndex(revision => revision.MergedReports?.Contains(reportId) ?? false);
        return first > 0 ? revisions[first - 1] : revisions[0];
    }
}
