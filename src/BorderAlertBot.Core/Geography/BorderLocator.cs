using BorderAlertBot.Domain;

namespace BorderAlertBot.Geography;

/// <summary>
/// Decides whether a location is on a border, following data-sources.md §4.3: a precise point is measured against the
/// border lines; a location known only to its township falls back to the border-township list or a named crossing; a
/// region-level or country-level location never counts, so a country centroid never passes for a border event.
/// </summary>
public sealed class BorderLocator(Gazetteer gazetteer, IReadOnlyList<BorderLine> lines, GeographyOptions options)
{
    // Each line's parts prepared once: an import measures a million points against them.
    private readonly (BorderPair Pair, PolylineIndex[] Parts)[] _lines =
        [.. lines.Select(line => (line.Pair, line.Parts.Select(part => new PolylineIndex(part)).ToArray()))];

    /// <summary>The border and distance for a location, or null when it is not a border location.</summary>
    public BorderPosition? Locate(Location? location)
    {
        if (location is null)
        {
            return null;
        }

        if (location.HasPreciseCoordinates)
        {
            return Nearest(location.Point!.Value); // HasPreciseCoordinates checked the point.
        }

        // Region and Country precision say nothing about the border. Exact or Near without a point is a mapper that
        // knew the place but not its coordinates: treat it like a township.
        if (location.Precision is LocationPrecision.Region or LocationPrecision.Country)
        {
            return null;
        }

        if (BorderTownships.TryFind(location) is { } township)
        {
            return new BorderPosition(township, null);
        }

        // "At a named crossing" (ARCHITECTURE.md §4): a crossing is on the line, whatever township the source gives.
        if (location.Place is { } place && gazetteer.TryFind(place) is { IsCrossing: true } crossing && Nearest(crossing.Point) is { } atCrossing)
        {
            return atCrossing with { DistanceKm = null };
        }

        return null;
    }

    /// <summary>
    /// The event with its border set from <see cref="Locate"/>. A curator's pair is kept when nothing is found; when both
    /// exist, the measured position wins (so the distance is added to a curated pair).
    /// </summary>
    public ConflictEvent Enrich(ConflictEvent e)
    {
        var located = Locate(e.Location);
        var border = (located, e.Border) switch
        {
            (null, var curated) => curated,
            ({ DistanceKm: null } found, { } curated) when found.Pair == curated.Pair => curated,
            (var found, _) => found,
        };
        return border == e.Border ? e : e with { Border = border };
    }

    /// <summary>Whether a position is in the "at the border" band (<see cref="GeographyOptions.AtBorderKm"/>).</summary>
    public bool IsAtBorder(BorderPosition? position) => position?.DistanceKm is { } km && km <= options.AtBorderKm;

    private BorderPosition? Nearest(GeoPoint point)
    {
        BorderPosition? nearest = null;
        foreach (var (pair, parts) in _lines)
        {
            var distance = double.PositiveInfinity;
            foreach (var part in parts)
            {
                distance = Math.Min(distance, part.DistanceKm(point, options.BorderZoneKm));
            }

            if (distance <= options.BorderZoneKm && (nearest is null || distance < nearest.DistanceKm))
            {
                nearest = new BorderPosition(pair, distance);
            }
        }

        return nearest;
    }
}
