using BorderAlertBot.Matching;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Digests;

/// <summary>
/// A share of a run's digests with an index of their own subscriptions, so several threads can each match every event
/// against their share and feed their accumulators without sharing anything. A subscription's digests are all in one share.
/// </summary>
internal sealed class DigestPartition
{
    private readonly SubscriptionIndex _index;
    private readonly Dictionary<SubscriptionId, DigestAccumulator[]> _bySubscription;

    private DigestPartition(IReadOnlyList<DigestAccumulator> accumulators)
    {
        _bySubscription = accumulators.GroupBy(accumulator => accumulator.Request.Subscription.Id).ToDictionary(group => group.Key, group => group.ToArray());
        _index = SubscriptionIndex.Build([.. _bySubscription.Values.Select(digests => digests[0].Request.Subscription)]);
    }

    /// <summary>At most <paramref name="count"/> shares, split by subscription.</summary>
    public static IReadOnlyList<DigestPartition> Split(IReadOnlyList<DigestAccumulator> accumulators, int count) =>
        [.. accumulators
            .GroupBy(accumulator => (accumulator.Request.Subscription.Id.GetHashCode() & int.MaxValue) % Math.Max(1, count))
            .Select(share => new DigestPartition([.. share]))];

    public void Add(in DigestEvent digestEvent)
    {
        foreach (var subscription in _index.Match(digestEvent.Event))
        {
            foreach (var accumulator in _bySubscription[subscription.Id])
            {
                accumulator.Add(digestEvent);
            }
        }
    }
}
