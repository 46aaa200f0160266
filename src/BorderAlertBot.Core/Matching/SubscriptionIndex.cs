using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Matching;

/// <summary>
/// Subscriptions indexed by kind × region, so matching an event looks only at the buckets the event falls in: its kind
/// (or any kind) × its country, its border, the gazetteer places near it (or any region). The cost grows with the
/// matches, not with the number of subscriptions. Immutable: rebuild it when subscriptions change.
/// </summary>
public sealed class SubscriptionIndex
{
    private const string Any = "*";

    [ThreadStatic]
    private static HashSet<int>? _seen;

    private readonly Subscription[] _subscriptions;
    private readonly Dictionary<(string Kind, string Region), int[]> _buckets;
    private readonly Gazetteer _gazetteer;
    private readonly double _maxPlaceRadiusKm;

    private SubscriptionIndex(Subscription[] subscriptions, Dictionary<(string, string), int[]> buckets, Gazetteer gazetteer, double maxPlaceRadiusKm)
    {
        _subscriptions = subscriptions;
        _buckets = buckets;
        _gazetteer = gazetteer;
        _maxPlaceRadiusKm = maxPlaceRadiusKm;
    }

    public int Count => _subscriptions.Length;

    public static SubscriptionIndex Build(IEnumerable<Subscription> subscriptions, Gazetteer gazetteer)
    {
        var all = subscriptions.ToArray();
        var buckets = new Dictionary<(string, string), List<int>>();
        var maxRadius = 0d;
        for (var i = 0; i < all.Length; i++)
        {
            var filter = all[i].Filter;
            var kinds = filter.Kinds.Count == 0 ? [Any] : filter.Kinds.Select(kind => kind.ToString()).ToArray();
            var regions = filter.Regions.Count == 0 ? [Any] : filter.Regions.Select(KeyOf).ToArray();
            foreach (var region in filter.Regions.OfType<Region.Place>())
            {
                maxRadius = Math.Max(maxRadius, region.RadiusKm);
            }

            foreach (var kind in kinds)
            {
                foreach (var region in regions.Distinct(StringComparer.Ordinal))
                {
                    if (!buckets.TryGetValue((kind, region), out var bucket))
                    {
                        buckets[(kind, region)] = bucket = [];
                    }

                    bucket.Add(i);
                }
            }
        }

        return new SubscriptionIndex(all, buckets.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray()), gazetteer, maxRadius);
    }

    /// <summary>Every subscription whose filters the event passes, paused ones included (holding is delivery's business).</summary>
    public IReadOnlyList<Subscription> Match(ConflictEvent conflictEvent)
    {
        var matches = new List<Subscription>();
        foreach (var subscription in Candidates(conflictEvent))
        {
            if (subscription.Filter.Matches(conflictEvent))
            {
                matches.Add(subscription);
            }
        }

        return matches;
    }

    /// <summary>The subscriptions in the buckets the event falls in: the only ones that can match it.</summary>
    public IEnumerable<Subscription> Candidates(ConflictEvent conflictEvent)
    {
        var seen = _seen ??= [];
        seen.Clear();
        var found = new List<Subscription>();
        var regions = RegionKeysOf(conflictEvent);
        foreach (var kind in (ReadOnlySpan<string>)[conflictEvent.Kind.ToString(), Any])
        {
            foreach (var region in regions)
            {
                if (_buckets.TryGetValue((kind, region), out var bucket))
                {
                    foreach (var index in bucket)
                    {
                        if (seen.Add(index))
                        {
                            found.Add(_subscriptions[index]);
                        }
                    }
                }
            }
        }

        return found;
    }

    private List<string> RegionKeysOf(ConflictEvent conflictEvent)
    {
        var keys = new List<string>(6) { Any };
        if (conflictEvent.Location is { } location)
        {
            keys.Add("c:" + location.CountryCode.ToUpperInvariant()); // Region.Country compares codes ignoring case.
            if (location.HasPreciseCoordinates && _maxPlaceRadiusKm > 0)
            {
                foreach (var (entry, _) in _gazetteer.Near(location.Point!.Value, _maxPlaceRadiusKm)) // HasPreciseCoordinates implies a point.
                {
                    keys.Add("p:" + entry.Slug);
                }
            }
            else
            {
                foreach (var name in new[] { location.Place, location.Admin3 })
                {
                    if (name is not null && _gazetteer.TryFind(name) is { } entry)
                    {
                        keys.Add("p:" + entry.Slug);
                    }
                }
            }
        }

        if (conflictEvent.Border is { } border)
        {
            keys.Add("b:" + border.Pair);
        }

        return keys;
    }

    private static string KeyOf(Region region) => region switch
    {
        Region.Country country => "c:" + country.Code.ToUpperInvariant(),
        Region.Border border => "b:" + border.Pair,
        Region.Place place => "p:" + place.Entry.Slug,
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, "Unknown region."),
    };
}
