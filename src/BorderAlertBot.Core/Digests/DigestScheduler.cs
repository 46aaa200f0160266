using BorderAlertBot.Abstractions;
using BorderAlertBot.Delivery;
using BorderAlertBot.Matching;
using BorderAlertBot.Subscriptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Digests;

/// <summary>
/// Finds the digest slots that are due and puts their digests in the outbox (ARCHITECTURE.md §8). For each subscription
/// with a digest only its latest slot at or before now is ever considered, and only when it is later than the last slot
/// recorded, so after downtime just the latest missed slot goes (marked late) and a slot is recorded once across restarts
/// and instances: the outbox row and the recorded slot are one transaction under a unique key. A window runs from the last
/// recorded slot (the previous scheduled one, normally) to this slot, at most <see cref="DigestComposer.MaxWindow"/>, so no
/// event falls between two digests. Paused subscriptions get none until they are resumed.
/// </summary>
public sealed partial class DigestScheduler(
    SubscriptionCatalog catalog,
    IOutboxStore outbox,
    DigestComposer composer,
    IOptions<DigestOptions> options,
    TimeProvider timeProvider,
    ILogger<DigestScheduler> logger)
{
    /// <summary>Composes and enqueues every digest due now; returns how many slots it recorded (another instance may have recorded some first).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var requests = await DueAsync(now, cancellationToken);
        if (requests.Count == 0)
        {
            return 0;
        }

        var composed = await composer.ComposeAsync(requests, cancellationToken);

        // Queued with the digests that draw the same chart next to each other, so the chart renderer's cache draws each once.
        var entries = requests.Zip(composed, (request, content) => new DigestEntry(
                request.Subscription.Id,
                request.Subscription.Target.Key,
                request.Slot,
                now,
                content.IsQuiet && request.Subscription.Digest?.WhenQuiet == DigestWhenQuiet.Nothing ? null : content))
            .OrderBy(entry => entry.Content is { } content ? content.ChartKey : string.Empty, StringComparer.Ordinal)
            .ToList();
        var added = await outbox.EnqueueDigestsAsync(entries, cancellationToken);
        Log.DigestsRecorded(logger, added, entries.Count(entry => entry.Content is null));
        return added;
    }

    /// <summary>When the next slot of any digest falls due after <paramref name="now"/>; null when no subscription has a digest.</summary>
    public async Task<DateTimeOffset?> NextSlotAfterAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var snapshot = await catalog.GetAsync(cancellationToken);
        DateTimeOffset? next = null;
        foreach (var subscription in snapshot.ById.Values)
        {
            if (subscription.Digest is { } schedule && !subscription.IsPaused && schedule.NextAfter(now).At is var at && (next is null || at < next))
            {
                next = at;
            }
        }

        return next;
    }

    private async Task<List<DigestRequest>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var snapshot = await catalog.GetAsync(cancellationToken);
        var recorded = await outbox.GetLastDigestSlotsAsync(cancellationToken);
        var requests = new List<DigestRequest>();
        foreach (var subscription in snapshot.ById.Values)
        {
            if (subscription.Digest is not { } schedule || subscription.IsPaused || schedule.DueAt(now) is not { } slot)
            {
                continue;
            }

            DateTimeOffset? last = recorded.TryGetValue(subscription.Id, out var at) ? at : null;
            if (last >= slot.At)
            {
                continue;
            }

            var from = last ?? schedule.Before(slot).At;
            if (from < slot.At - DigestComposer.MaxWindow)
            {
                from = slot.At - DigestComposer.MaxWindow;
            }

            requests.Add(new DigestRequest(subscription, slot, from, IsLate: now - slot.At > options.Value.LateAfter));
        }

        return requests;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Digest slots recorded: {Recorded} new, of which {Quiet} quiet ones send nothing")]
        public static partial void DigestsRecorded(ILogger logger, int recorded, int quiet);
    }
}
