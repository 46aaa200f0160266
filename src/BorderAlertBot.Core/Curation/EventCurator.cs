using BorderAlertBot.Abstractions;
using BorderAlertBot.Domain;
using BorderAlertBot.Serialization;
using BorderAlertBot.Storage;

namespace BorderAlertBot.Curation;

/// <summary>
/// What curators do to events (ARCHITECTURE.md §9), from the CLI or the buttons in the curators' channel: approve or
/// reject a pending candidate, retract a verified event, correct one, merge reports and split them again. Every action is
/// a new revision that records who acted and what changed, so alerted channels see it through the usual lifecycle.
/// </summary>
public sealed partial class EventCurator(IEventStore store, IEventQueries queries, TimeProvider timeProvider, IEventEnricher? enricher = null, Geography.Gazetteer? gazetteer = null)
{
    /// <summary>The pending candidates, latest first.</summary>
    public Task<IReadOnlyList<ConflictEvent>> PendingAsync(int limit, CancellationToken cancellationToken) =>
        queries.LatestAsync(new EventFilter { Statuses = [EventStatus.Pending] }, limit, cancellationToken);

    public Task<CurationOutcome> ApproveAsync(EventId id, string curator, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, EventStatus.Verified, reason: null, curator, cancellationToken);

    public Task<CurationOutcome> RejectAsync(EventId id, string reason, string curator, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, EventStatus.Rejected, reason, curator, cancellationToken);

    public Task<CurationOutcome> RetractAsync(EventId id, string reason, string curator, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, EventStatus.Retracted, reason, curator, cancellationToken);

    private async Task<CurationOutcome> ChangeStatusAsync(EventId id, EventStatus to, string? reason, string curator, CancellationToken cancellationToken)
    {
        if (await store.TryGetAsync(id, cancellationToken) is not { } current)
        {
            return NotFound(id);
        }

        if (current.Status == to)
        {
            return CurationOutcome.Refused($"{id} is already {to}{(current.Revision.By is { Length: > 0 } by ? $" (revision {current.Revision.Number} by {by})" : string.Empty)}.");
        }

        if (to.NeedsReason() && string.IsNullOrWhiteSpace(reason))
        {
            return CurationOutcome.Refused($"Say why {id} is {to.ToString().ToLowerInvariant()}: a reason is shown to every channel that was alerted.");
        }

        if (current.Status == EventStatus.Merged || !current.Status.CanBecome(to))
        {
            return CurationOutcome.Refused(current.Status == EventStatus.Merged
                ? $"{id} is merged into {current.MergedInto}; split it out first (events split {current.MergedInto} {id})."
                : $"{id} is {current.Status} and cannot become {to} (allowed: Pending → Verified or Rejected; Verified → Retracted).");
        }

        var next = current with { Status = to, StatusReason = to.NeedsReason() ? reason!.Trim() : null }; // A reason was required just above.
        return await WriteAsync([Revise(current, next, curator)], $"{id} is now {to} (revision {current.Revision.Number + 1}, by {curator}).", cancellationToken);
    }

    private EventWrite Revise(ConflictEvent previous, ConflictEvent next, string curator, IReadOnlyList<string>? changes = null) =>
        Write(next with { Revision = new RevisionInfo(previous.Revision.Number + 1, timeProvider.GetUtcNow(), curator, changes ?? EventDiff.Describe(previous, next)) });

    // One serialisation for the fingerprint and the stored document.
    private static EventWrite Write(ConflictEvent conflictEvent) => EventWrite.Of(conflictEvent, EventDocument.SerializeContent(conflictEvent));

    private async Task<CurationOutcome> WriteAsync(IReadOnlyList<EventWrite> writes, string message, CancellationToken cancellationToken)
    {
        try
        {
            await store.WriteAsync(writes, cancellationToken);
        }
        catch (ConcurrencyException)
        {
            return CurationOutcome.Refused($"{string.Join(", ", writes.Select(write => write.Event.Id).Distinct())} changed while you were acting; look again and retry.");
        }

        return CurationOutcome.Done(message, [.. writes.Select(write => write.Event)]);
    }

    private static CurationOutcome NotFound(EventId id) => CurationOutcome.Refused($"No event {id}.");
}
