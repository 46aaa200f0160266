using BorderAlertBot.Abstractions;
using BorderAlertBot.Crossings;
using BorderAlertBot.Domain;
using BorderAlertBot.Matching;
using BorderAlertBot.Storage;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Digests;

/// <summary>
/// Composes many digests at once (ARCHITECTURE.md §8): the verified events from the earliest 4-week baseline to the latest
/// slot are read once, oldest first, and each is matched against the digests' subscriptions with the same index the
/// alert matcher uses, so the cost grows with the events and their matches, not with digests × events. Digests that
/// cover trade get the crossings board at their slot, from one read of the year's trade disruptions.
/// </summary>
public sealed class DigestComposer(IEventQueries queries, CrossingsBoard crossings)
{
    /// <summary>How many events "top events by severity" lists.</summary>
    public const int TopEvents = 5;

    /// <summary>How many events the ceasefire, trade and displacement sections list (the latest, or the largest figures).</summary>
    public const int Listed = 5;

    /// <summary>The baseline the weekly average reads, and the chart's span: the 4 weeks before the window.</summary>
    public static TimeSpan Baseline { get; } = TimeSpan.FromDays(28);

    /// <summary>How many UTC days the chart shows, ending with the slot's day.</summary>
    public const int ChartDays = 28;

    /// <summary>The longest window one digest covers, however long the bot was down.</summary>
    public static TimeSpan MaxWindow { get; } = TimeSpan.FromDays(28);

    public async Task<IReadOnlyList<DigestContent>> ComposeAsync(IReadOnlyList<DigestRequest> requests, CancellationToken cancellationToken)
    {
        if (requests.Count == 0)
        {
            return [];
        }

        var accumulators = requests.Select(request => new DigestAccumulator(request)).ToList();
        var bySubscription = accumulators.GroupBy(accumulator => accumulator.Request.Subscription.Id).ToDictionary(group => group.Key, group => group.ToArray());
        var index = SubscriptionIndex.Build([.. accumulators.Select(accumulator => accumulator.Request.Subscription).DistinctBy(subscription => subscription.Id)]);
        var filter = new EventFilter
        {
            Statuses = [EventStatus.Verified],
            From = accumulators.Min(accumulator => accumulator.BaselineFrom),
            To = accumulators.Max(accumulator => accumulator.Request.To),
        };
        await foreach (var conflictEvent in queries.StreamAsync(filter, cancellationToken))
        {
            foreach (var subscription in index.Match(conflictEvent))
            {
                foreach (var accumulator in bySubscription[subscription.Id])
                {
                    accumulator.Add(conflictEvent);
                }
            }
        }

        var boards = await BoardsAsync(accumulators, cancellationToken);
        return [.. accumulators.Select(accumulator => accumulator.Build(boards(accumulator)))];
    }

    /// <summary>
    /// The digest <paramref name="subscription"/> got (or would have got) at its latest slot at or before
    /// <paramref name="at"/>, covering the window from the slot before; daily at 00:00 UTC when it has no digest set.
    /// </summary>
    public async Task<DigestContent> PreviewAsync(Subscription subscription, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var schedule = subscription.Digest ?? new DigestSchedule(TimeOnly.MinValue, "UTC", DateTimeOffset.MinValue);
        var slot = schedule.LatestAtOrBefore(at);
        var request = new DigestRequest(subscription with { Digest = schedule }, slot, schedule.Before(slot).At, IsLate: false);
        return (await ComposeAsync([request], cancellationToken))[0];
    }

    /// <summary>Whether a digest shows the crossings board: its subscription covers trade disruptions.</summary>
    public static bool ShowsCrossings(SubscriptionFilter filter) =>
        DigestAccumulator.KindsOf(filter).Contains(EventKind.TradeDisruption)
        && (filter.Subtypes.Count == 0 || filter.Subtypes.Any(subtype => subtype.Kind() == EventKind.TradeDisruption));

    private async Task<Func<DigestAccumulator, IReadOnlyList<CrossingLine>>> BoardsAsync(List<DigestAccumulator> accumulators, CancellationToken cancellationToken)
    {
        var showing = accumulators.Where(accumulator => ShowsCrossings(accumulator.Request.Subscription.Filter)).ToList();
        if (showing.Count == 0)
        {
            return _ => [];
        }

        var from = showing.Min(accumulator => accumulator.Request.To) - CrossingsBoard.LookBack;
        var to = showing.Max(accumulator => accumulator.Request.To);
        var trade = new List<ConflictEvent>();
        await foreach (var conflictEvent in queries.StreamAsync(CrossingsBoard.TradeDisruptions(from, to), cancellationToken))
        {
            trade.Add(conflictEvent);
        }

        // Digests at the same slot with the same regions share one board (a board is at its moment, inclusive; the window is not).
        var history = crossings.HistoryOf(trade);
        var cache = new Dictionary<(DateTimeOffset, string), IReadOnlyList<CrossingLine>>();
        return accumulator =>
        {
            if (!ShowsCrossings(accumulator.Request.Subscription.Filter))
            {
                return [];
            }

            var regions = accumulator.Request.Subscription.Filter.Regions;
            var key = (accumulator.Request.To, string.Join('|', regions));
            if (!cache.TryGetValue(key, out var board))
            {
                board = [.. history.BoardAt(regions, accumulator.Request.To.AddTicks(-1)).Select(CrossingLine.Of)];
                cache[key] = board;
            }

            return board;
        };
    }
}
