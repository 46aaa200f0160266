using BorderAlertBot.Domain;
using BorderAlertBot.Geography;

namespace BorderAlertBot.Matching;

/// <summary>
/// The regions a set of subscriptions names, numbered for <see cref="SubscriptionIndex"/>'s cells: 0 is "anywhere", then
/// every place, country and border named. <see cref="Fit"/> lists the ones an event lies in, with its distance to each
/// place, deciding exactly as <see cref="Region.Contains"/> does.
/// </summary>
internal sealed class RegionKeys
{
    public const int Anywhere = 0;

    private readonly Place[] _places;
    private readonly Dictionary<string, int> _placeKeys;
    private readonly Dictionary<string, int[]> _placesByName;
    private readonly Dictionary<string, int> _countries;
    private readonly Dictionary<BorderPair, int> _borders;

    private RegionKeys(Place[] places, Dictionary<string, int> placeKeys, Dictionary<string, int[]> placesByName, Dictionary<string, int> countries, Dictionary<BorderPair, int> borders)
    {
        _places = places;
        _placeKeys = placeKeys;
        _placesByName = placesByName;
        _countries = countries;
        _borders = borders;
        Count = 1 + places.Length + countries.Count + borders.Count;
    }

    public int Count { get; }

    public static RegionKeys Build(IEnumerable<Region> regions)
    {
        var places = new List<Place>();
        var placeKeys = new Dictionary<string, int>(StringComparer.Ordinal);
        var countries = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase); // Region.Country ignores case too.
        var borders = new Dictionary<BorderPair, int>();
        foreach (var region in regions)
        {
            switch (region)
            {
                case Region.Place { Entry: var entry, RadiusKm: var radiusKm }:
                    if (placeKeys.TryGetValue(entry.Slug, out var known))
                    {
                        places[known] = new Place(places[known].Entry, Math.Max(places[known].MaxRadiusKm, radiusKm));
                    }
                    else
                    {
                        placeKeys[entry.Slug] = places.Count;
                        places.Add(new Place(entry, radiusKm));
                    }

                    break;
                case Region.Country country:
                    countries.TryAdd(country.Code, countries.Count);
                    break;
                case Region.Border border:
                    borders.TryAdd(border.Pair, borders.Count);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(regions), region, "Unknown region.");
            }
        }

        var placesByName = places
            .SelectMany((place, i) => place.Entry.Names.Select(PlaceNameKey.Of).Where(key => key.Length > 0).Distinct().Select(key => (Key: key, Place: i)))
            .GroupBy(name => name.Key, StringComparer.Ordinal)
            .ToDictionary(same => same.Key, same => same.Select(name => name.Place).ToArray(), StringComparer.Ordinal);
        var countriesKeyed = countries.ToDictionary(pair => pair.Key, pair => 1 + places.Count + pair.Value, StringComparer.OrdinalIgnoreCase);
        var bordersKeyed = borders.ToDictionary(pair => pair.Key, pair => 1 + places.Count + countries.Count + pair.Value);
        return new RegionKeys([.. places], placeKeys, placesByName, countriesKeyed, bordersKeyed);
    }

    /// <summary>The key of a region from the set this was built from, with the radius a place asks for (infinite otherwise).</summary>
    public (int Key, double RadiusKm) KeyOf(Region region) => region switch
    {
        Region.Place place => (1 + _placeKeys[place.Entry.Slug], place.RadiusKm),
        Region.Country country => (_countries[country.Code], double.PositiveInfinity),
        Region.Border border => (_borders[border.Pair], double.PositiveInfinity),
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, "Unknown region."),
    };

    /// <summary>
    /// Fills <paramref name="fitted"/> with the keys of the regions the event lies in — anywhere, its country, its border,
    /// each place near enough for some subscription (with the distance) or named by its place or township (distance 0) —
    /// each once, and returns how many.
    /// </summary>
    public int Fit(ConflictEvent conflictEvent, List<(int Key, double DistanceKm)> fitted)
    {
        fitted.Clear();
        fitted.Add((Anywhere, 0));
        if (conflictEvent.Location is { } location)
        {
            if (_countries.TryGetValue(location.CountryCode, out var country))
            {
                fitted.Add((country, 0));
            }

            if (location is { HasPreciseCoordinates: true, Point: { } point })
            {
                FitNear(point, fitted);
            }
            else
            {
                FitNamed(location.Place, fitted);
                FitNamed(location.Admin3, fitted);
            }
        }

        if (conflictEvent.Border is { } border && _borders.TryGetValue(border.Pair, out var key))
        {
            fitted.Add((key, 0));
        }

        return fitted.Count;
    }

    private void FitNear(GeoPoint point, List<(int Key, double DistanceKm)> fitted)
    {
        var cosLatitude = Geodesy.CosLatitude(point);
        for (var i = 0; i < _places.Length; i++)
        {
            // A great-circle distance is never shorter than its north–south part: too far in latitude is too far.
            var place = _places[i];
            if (Math.Abs(place.Entry.Point.Latitude - point.Latitude) > place.MaxLatitudeDelta)
            {
                continue;
            }

            var distanceKm = Geodesy.DistanceKm(point, cosLatitude, place.Entry.Point, place.CosLatitude); // As Region.Place.Contains measures it.
            if (distanceKm <= place.MaxRadiusKm)
            {
                fitted.Add((1 + i, distanceKm));
            }
        }
    }

    private void FitNamed(string? name, List<(int Key, double DistanceKm)> fitted)
    {
        if (string.IsNullOrWhiteSpace(name) || !_placesByName.TryGetValue(PlaceNameKey.Of(name), out var places))
        {
            return;
        }

        foreach (var place in places)
        {
            if (!fitted.Contains((1 + place, 0)))
            {
                fitted.Add((1 + place, 0));
            }
        }
    }

    private sealed record Place(GazetteerEntry Entry, double MaxRadiusKm)
    {
        // With a margin of a millionth so rounding never skips a place the exact distance would keep.
        public double MaxLatitudeDelta { get; } = MaxRadiusKm / (Geodesy.EarthRadiusKm * Math.PI / 180) * (1 + 1e-6);

        public double CosLatitude { get; } = Geodesy.CosLatitude(Entry.Point);
    }
}
