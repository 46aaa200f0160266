using BorderAlertBot.Domain;

namespace BorderAlertBot.Geography;

/// <summary>
/// The places we know by name (data-sources.md §4.1): lookup by slug, name or alias ignoring case, accents, spaces and
/// hyphens; "did you mean" suggestions; and the places near a point.
/// </summary>
public sealed partial class Gazetteer
{
    private static readonly Lazy<Gazetteer> BundledGazetteer = new(() => Parse(EmbeddedData.Read("gazetteer.json")));

    private readonly Dictionary<string, GazetteerEntry> _byKey = new(StringComparer.Ordinal);

    /// <exception cref="ArgumentException">Two entries share a slug, name or alias once compared as place names.</exception>
    public Gazetteer(IEnumerable<GazetteerEntry> entries)
    {
        Entries = entries.ToList();
        foreach (var entry in Entries)
        {
            foreach (var key in entry.Names.Select(PlaceNameKey.Of).Where(key => key.Length > 0).Distinct())
            {
                if (_byKey.TryGetValue(key, out var other))
                {
                    throw new ArgumentException($"'{key}' names both {other.Slug} and {entry.Slug}.", nameof(entries));
                }

                _byKey[key] = entry;
            }
        }
    }

    /// <summary>The gazetteer embedded in this assembly (<c>Geography/Data/gazetteer.json</c>), loaded once.</summary>
    public static Gazetteer Bundled => BundledGazetteer.Value;

    public IReadOnlyList<GazetteerEntry> Entries { get; }

    /// <summary>The entry with this slug, name or alias, or null.</summary>
    public GazetteerEntry? TryFind(string text) => _byKey.GetValueOrDefault(PlaceNameKey.Of(text));

    /// <summary>
    /// Up to <paramref name="max"/> slugs of the entries whose names are closest to <paramref name="text"/> (a few typing
    /// mistakes away, or starting with it), closest first, for "did you mean". Empty when nothing is close.
    /// </summary>
    public IReadOnlyList<string> Suggest(string text, int max)
    {
        var query = PlaceNameKey.Of(text);
        if (query.Length == 0 || max <= 0)
        {
            return [];
        }

        var threshold = Math.Max(2, query.Length / 3);
        return _byKey
            .Select(pair => (Entry: pair.Value, Distance: PlaceNameKey.Closeness(query, pair.Key)))
            .Where(candidate => candidate.Distance <= threshold)
            .GroupBy(candidate => candidate.Entry.Slug, StringComparer.Ordinal)
            .Select(group => (Slug: group.Key, Distance: group.Min(candidate => candidate.Distance)))
            .OrderBy(candidate => candidate.Distance)
            .ThenBy(candidate => candidate.Slug, StringComparer.Ordinal)
            .Take(max)
            .Select(candidate => candidate.Slug)
            .ToList();
    }

    /// <summary>The entries within <paramref name="radiusKm"/> of <paramref name="point"/>, nearest first.</summary>
    public IEnumerable<(GazetteerEntry Entry, double DistanceKm)> Near(GeoPoint point, double radiusKm)
    {
        // A great-circle distance is never shorter than its north–south part (R × Δlatitude), so entries too far in
        // latitude are skipped without trigonometry. This runs for every precisely located event the matcher sees.
        var maxLatitudeDelta = radiusKm / (Geodesy.EarthRadiusKm * Math.PI / 180);
        var found = new List<(GazetteerEntry Entry, double DistanceKm)>();
        foreach (var entry in Entries)
        {
            if (Math.Abs(entry.Point.Latitude - point.Latitude) > maxLatitudeDelta)
            {
                continue;
            }

            var distance = Geodesy.DistanceKm(point, entry.Point);
            if (distance <= radiusKm)
            {
                found.Add((entry, distance));
            }
        }

        found.Sort((a, b) => a.DistanceKm.CompareTo(b.DistanceKm));
        return found;
    }
}
