using BorderAlertBot.Domain;
using BorderAlertBot.Geography;

namespace BorderAlertBot.Crossings;

/// <summary>
/// The verified trade disruptions at each crossing, oldest first, so boards at many moments (one per digest slot) come from
/// one read: each board looks at the <see cref="CrossingsBoard.LookBack"/> up to its moment, as <see cref="CrossingsBoard.GetAsync"/> does.
/// </summary>
public sealed class CrossingHistory
{
    private readonly IReadOnlyList<(CrossingSite Site, ConflictEvent[] OldestFirst)> _sites;

    internal CrossingHistory(IEnumerable<CrossingSite> sites, IEnumerable<ConflictEvent> tradeDisruptions)
    {
        // Ties in time are broken by id, so the same events always give the same board.
        var oldestFirst = tradeDisruptions
            .Where(e => e.Kind == EventKind.TradeDisruption && e.Status == EventStatus.Verified)
            .OrderBy(e => e.Occurred.At)
            .ThenBy(e => e.Id.Value, StringComparer.Ordinal)
            .ToList();
        _sites = [.. sites.Select(site => (site, oldestFirst.Where(site.Vicinity.Contains).ToArray()))];
    }

    /// <summary>
    /// The crossings in any of <paramref name="regions"/> (all when empty) as of <paramref name="asOf"/>: closed first, then
    /// restricted, open and unknown, by name within each.
    /// </summary>
    public IReadOnlyList<CrossingState> BoardAt(IReadOnlyList<Region> regions, DateTimeOffset asOf) =>
        [.. Decide(_sites.Where(site => site.Site.IsInAny(regions)), asOf).Select(row => row.State)];

    /// <summary>Every crossing's row as of <paramref name="asOf"/>, in board order, for digests that each keep their regions' rows.</summary>
    internal IReadOnlyList<(CrossingSite Site, CrossingLine Line)> BoardAt(DateTimeOffset asOf) =>
        [.. Decide(_sites, asOf).Select(row => (row.Site, CrossingLine.Of(row.State)))];

    private static IEnumerable<(CrossingSite Site, CrossingState State)> Decide(IEnumerable<(CrossingSite Site, ConflictEvent[] OldestFirst)> sites, DateTimeOffset asOf)
    {
        var from = asOf - CrossingsBoard.LookBack;
        return sites
            .Select(site => (site.Site, State: CrossingStatusRules.Decide(site.Site.Entry, Between(site.OldestFirst, from, asOf))))
            .OrderBy(row => CrossingStatusRules.Rank(row.State.Status))
            .ThenBy(row => row.State.Crossing.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(row => row.State.Crossing.Slug, StringComparer.Ordinal);
    }

    /// <summary>The events that occurred in [from, to], found by binary search over the sorted array.</summary>
    private static IEnumerable<ConflictEvent> Between(ConflictEvent[] oldestFirst, DateTimeOffset from, DateTimeOffset to)
    {
        var start = FirstAtOrAfter(oldestFirst, from);
        for (var i = start; i < oldestFirst.Length && oldestFirst[i].Occurred.At <= to; i++)
        {
            yield return oldestFirst[i];
        }
    }

    private static int FirstAtOrAfter(ConflictEvent[] oldestFirst, DateTimeOffset at)
    {
        int low = 0, high = oldestFirst.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (oldestFirst[middle].Occurred.At < at)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
