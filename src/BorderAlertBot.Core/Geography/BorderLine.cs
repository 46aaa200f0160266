using BorderAlertBot.Domain;

namespace BorderAlertBot.Geography;

/// <summary>A land border as a polyline in one or more parts (the shared edge of the two countries' admin-0 polygons).</summary>
public sealed partial record BorderLine(BorderPair Pair, IReadOnlyList<IReadOnlyList<GeoPoint>> Parts)
{
    /// <summary>The geodesic distance from <paramref name="point"/> to the nearest point of the line.</summary>
    public double DistanceKm(GeoPoint point)
    {
        var nearest = double.PositiveInfinity;
        foreach (var part in Parts)
        {
            nearest = Math.Min(nearest, Geodesy.DistanceToPolylineKm(point, part));
        }

        return nearest;
    }
}
