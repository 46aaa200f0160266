using BorderAlertBot.Domain;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Matching;

/// <summary>How subscriptions are filed: the cell keys for kinds and subtypes, severity floors and verified-only.</summary>
public sealed partial class SubscriptionIndex
{
    /// <summary>Severity floors <see cref="Severity.Low"/> to <see cref="Severity.Critical"/>, one cell each.</summary>
    private const int SeverityLevels = (int)Severity.Critical;

    /// <summary>The kind key of subscriptions that name no kind and no subtype.</summary>
    private const int AnyKind = 0;

    private static readonly int KindCount = Enum.GetValues<EventKind>().Length;
    private static readonly int SubtypeCount = Enum.GetValues<EventSubtype>().Length;
    private static readonly int KindKeyCount = 1 + KindCount + (KindCount * SubtypeCount);

    private static long _lastId;

    public static SubscriptionIndex Build(IEnumerable<Subscription> subscriptions)
    {
        var all = subscriptions.ToArray();
        var regions = RegionKeys.Build(all.SelectMany(subscription => subscription.Filter.Regions));
        var filed = new Dictionary<(int Group, int Cell), List<Entry>>();
        var index = new SubscriptionIndex(all, new Entry[]?[]?[KindKeyCount * regions.Count], regions, TextFilters.Build(all, out var textOffsets));
        for (var i = 0; i < all.Length; i++)
        {
            var filter = all[i].Filter;
            var kindKeys = KindKeysOf(filter);
            if (kindKeys.Count == 0 || (int)filter.MinSeverity > SeverityLevels)
            {
                continue; // Nothing can match it: subtypes of none of its kinds, or a floor above Critical.
            }

            var regionEntries = filter.Regions.Count == 0
                ? [(Key: RegionKeys.Anywhere, RadiusKm: double.PositiveInfinity)]
                : filter.Regions.Select(regions.KeyOf).GroupBy(region => region.Key).Select(same => (same.Key, RadiusKm: same.Max(region => region.RadiusKm))).ToList();
            // An event has one kind and one subtype, so it reaches one of a subscription's kind keys at most; several
            // regions, though, can all fit one event.
            var inSeveralCells = regionEntries.Count > 1;
            var level = Math.Max(0, (int)filter.MinSeverity - 1);
            foreach (var kindKey in kindKeys)
            {
                foreach (var (regionKey, radiusKm) in regionEntries)
                {
                    var cell = (index.GroupOf(kindKey, regionKey), CellOf(level, filter.VerifiedOnly));
                    if (!filed.TryGetValue(cell, out var entries))
                    {
                        filed[cell] = entries = [];
                    }

                    entries.Add(new Entry(all[i], radiusKm, i, textOffsets[i], inSeveralCells));
                }
            }
        }

        foreach (var ((group, cell), entries) in filed)
        {
            // Widest radius first, so reading a place's cell stops at the first radius the event lies outside.
            var cells = index._groups[group] ??= new Entry[]?[SeverityLevels * 2];
            cells[cell] = [.. entries.OrderByDescending(entry => entry.RadiusKm).ThenBy(entry => entry.Index)];
        }

        return index;
    }

    private static int KindKey(EventKind kind) => (uint)kind < (uint)KindCount ? 1 + (int)kind : -1;

    /// <summary>Keyed by kind and subtype together, so an event is found only under the kind it has and the subtype it has.</summary>
    private static int SubtypeKey(EventKind kind, EventSubtype subtype) =>
        (uint)kind < (uint)KindCount && (uint)subtype < (uint)SubtypeCount ? 1 + KindCount + ((int)kind * SubtypeCount) + (int)subtype : -1;

    private static List<int> KindKeysOf(SubscriptionFilter filter)
    {
        var kinds = filter.Kinds.Count > 0 ? filter.Kinds.Distinct() : Enum.GetValues<EventKind>();
        if (filter.Subtypes.Count > 0)
        {
            return [.. kinds.SelectMany(kind => filter.Subtypes.Distinct().Select(subtype => SubtypeKey(kind, subtype))).Where(key => key >= 0)];
        }

        return filter.Kinds.Count > 0 ? [.. kinds.Select(KindKey).Where(key => key >= 0)] : [AnyKind];
    }
}
