using System.Globalization;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Alerting;
using BorderAlertBot.Domain;
using BorderAlertBot.Matching;
using BorderAlertBot.Storage;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Telemetry;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Delivery;

/// <summary>
/// Follows the change feed from a durable cursor and turns each new revision into outbox rows: a first alert for every
/// subscription it now matches, and an update or retraction for every subscription it was already sent to. The rows
/// and the cursor move in one transaction, so a crash neither loses nor repeats a change.
/// </summary>
public sealed class AlertWatcher(
    IChangeFeed feed,
    ICursorStore cursors,
    IEventStore events,
    IOutboxStore outbox,
    IDeliveryLog log,
    SubscriptionCatalog catalog,
    CeasefireContext ceasefires,
    IOptions<DeliveryOptions> options,
    BorderAlertBotMetrics metrics,
    TimeProvider timeProvider)
{
    public const string CursorName = "alert-watcher";
    private const int BatchSize = 500;

    /// <summary>Handles the changes after the cursor; returns how many it handled (0 when caught up).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var position = await cursors.GetAsync(CursorName, cancellationToken);
        var changes = await feed.ReadAsync(position, BatchSize, cancellationToken);
        if (changes.Count == 0)
        {
            return 0;
        }

        var snapshot = await catalog.GetAsync(cancellationToken);
        var entries = new List<OutboxEntry>();
        var decisions = new List<DeliveryLogEntry>();
        var plannedAlerts = new Dictionary<EventId, HashSet<SubscriptionId>>();
        foreach (var change in changes)
        {
            await PlanAsync(change, snapshot, entries, decisions, plannedAlerts, cancellationToken);
        }

        await outbox.EnqueueAsync(entries, CursorName, changes[^1].Sequence, cancellationToken);
        await log.RecordAsync(decisions, cancellationToken);
        metrics.Matched(decisions.Count(decision => decision.Decision == DeliveryDecision.Matched));
        metrics.Held(decisions.Count(decision => decision.Decision == DeliveryDecision.Held));
        return changes.Count;
    }

    /// <summary>The notes an alert for this event carries (ceasefire context).</summary>
    public async Task<IReadOnlyList<string>> NotesForAsync(ConflictEvent conflictEvent, CancellationToken cancellationToken) =>
        await ceasefires.NoteForAsync(conflictEvent, options.Value.CeasefireContextDays, cancellationToken) is { } note ? [note] : [];

    /// <param name="plannedAlerts">First alerts planned earlier in this run (not yet in the outbox): a later revision of the same event in the same run is a follow-up, not a second alert.</param>
    private async Task PlanAsync(ChangeRecord change, SubscriptionCatalog.Snapshot snapshot, List<OutboxEntry> entries, List<DeliveryLogEntry> decisions,
        Dictionary<EventId, HashSet<SubscriptionId>> plannedAlerts, CancellationToken cancellationToken)
    {
        var current = await events.TryGetRevisionAsync(change.EventId, change.Revision, cancellationToken);
        if (current is null)
        {
            return;
        }

        var previous = change.Revision > 1 ? await events.TryGetRevisionAsync(change.EventId, change.Revision - 1, cancellationToken) : null;
        var now = timeProvider.GetUtcNow();
        if (!plannedAlerts.TryGetValue(current.Id, out var planned))
        {
            plannedAlerts[current.Id] = planned = [];
        }

        var alerted = new HashSet<SubscriptionId>(await outbox.GetAlertedSubscriptionsAsync(current.Id, cancellationToken));
        alerted.UnionWith(planned);
        var severity = current.Severity.Effective;
        foreach (var subscriptionId in alerted)
        {
            if (!snapshot.ById.TryGetValue(subscriptionId, out var subscription) || FollowUp(subscription, current, previous) is not { } action)
            {
                continue;
            }

            var due = subscription.HeldUntil(now, severity, options.Value.BreakThrough) ?? now;
            entries.Add(new OutboxEntry(subscription.Id, subscription.Target.Key, current.Id, current.Revision.Number, action, now, due));
            decisions.Add(new DeliveryLogEntry(subscription.Id, current.Id, current.Revision.Number, DeliveryDecision.Queued,
                $"{action.ToString().ToLowerInvariant()} of the alert already sent (revision {current.Revision.Number}: {string.Join("; ", current.Revision.Changes)})", now));
        }

        foreach (var candidate in snapshot.Index.Candidates(current))
        {
            // The curators' channel is asked about pending candidates only; it hears of their fate as follow-ups.
            if (alerted.Contains(candidate.Id) || (candidate.IsCurationQueue && current.Status != EventStatus.Pending))
            {
                continue;
            }

            // A candidate passed every filter the index files by; only its keywords and actors are left to decide.
            if (!candidate.Filter.MatchesText(current) && candidate.Filter.Exclusion(current) is { } reason)
            {
                decisions.Add(new DeliveryLogEntry(candidate.Id, current.Id, current.Revision.Number, DeliveryDecision.Excluded, reason, now));
                continue;
            }

            if (current.Status is not (EventStatus.Verified or EventStatus.Pending))
            {
                continue;
            }

            var heldUntil = candidate.HeldUntil(now, severity, options.Value.BreakThrough);
            var due = Max(now + candidate.GroupWindow, heldUntil ?? now);
            entries.Add(new OutboxEntry(candidate.Id, candidate.Target.Key, current.Id, current.Revision.Number, OutboxAction.Alert, now, due, Groupable: heldUntil is null));
            planned.Add(candidate.Id);
            decisions.Add(new DeliveryLogEntry(candidate.Id, current.Id, current.Revision.Number, DeliveryDecision.Matched, "passed every filter", now));
            if (heldUntil is { } until)
            {
                var why = candidate.MutedUntil > now ? "muted" : "quiet hours";
                decisions.Add(new DeliveryLogEntry(candidate.Id, current.Id, current.Revision.Number, DeliveryDecision.Held,
                    string.Create(CultureInfo.InvariantCulture, $"{why} until {until.UtcDateTime:yyyy-MM-dd HH:mm} UTC (severity {severity} is below the break-through level {options.Value.BreakThrough})"), now));
            }
        }
    }

    private static OutboxAction? FollowUp(Subscription subscription, ConflictEvent current, ConflictEvent? previous)
    {
        var wasWithdrawn = previous?.Status.IsWithdrawn() ?? false;
        if (current.Status.IsWithdrawn())
        {
            return wasWithdrawn ? null : OutboxAction.Retract;
        }

        return subscription.Updates == UpdateMode.None ? null : OutboxAction.Update;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
