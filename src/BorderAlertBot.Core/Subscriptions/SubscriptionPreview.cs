using BorderAlertBot.Abstractions;
using BorderAlertBot.Answers;
using BorderAlertBot.Domain;
using BorderAlertBot.Storage;

namespace BorderAlertBot.Subscriptions;

/// <summary>
/// What a subscription would have delivered over a past period (the <c>subscribe</c> reply's preview): the events that
/// occurred in it and pass its filters as they are now, newest first. The store narrows by kind, severity, status and a
/// single country or border; the filter decides the rest, as the matcher does.
/// </summary>
public static class SubscriptionPreview
{
    /// <summary>The most events read for one preview; more than this is reported as "at least".</summary>
    public const int MaxRead = 2_000;

    public static async Task<PreviewResult> FindAsync(
        IEventQueries queries, SubscriptionFilter filter, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var read = await queries.LatestAsync(QueryFor(filter, from, to), MaxRead, cancellationToken);
        return new PreviewResult([.. read.Where(filter.Matches)], read.Count >= MaxRead);
    }

    /// <summary>The store query that holds every event of [from, to) the filter can match, and as few others as it can say.</summary>
    public static EventFilter QueryFor(SubscriptionFilter filter, DateTimeOffset from, DateTimeOffset to)
    {
        var kinds = filter.Kinds.Concat(filter.Subtypes.Select(subtype => subtype.Kind())).Distinct().ToList();
        return new EventFilter
        {
            Kinds = kinds.Count > 0 ? kinds : null,
            MinSeverity = filter.MinSeverity > Severity.Low ? filter.MinSeverity : null,
            Statuses = filter.VerifiedOnly ? [EventStatus.Verified] : [EventStatus.Verified, EventStatus.Pending],
            Region = filter.Regions.Count == 1 ? RegionQuery.FilterOf(filter.Regions[0]) : null,
            From = from,
            To = to,
        };
    }
}
