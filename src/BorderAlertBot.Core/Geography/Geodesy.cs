using BorderAlertBot.Domain;

namespace BorderAlertBot.Geography;

/// <summary>
/// Distances on a spherical Earth: haversine between points, and from a point to great-circle segments (the
/// cross-track distance when the point's foot falls between the ends, otherwise the haversine distance to the nearer
/// end). The sphere is off the WGS 84 ellipsoid by under 0.5 %, well under a kilometre at border scales.
/// </summary>
public static class Geodesy
{
    /// <summary>The IUGG mean Earth radius.</summary>
    public const double EarthRadiusKm = 6371.0088;

    public static double DistanceKm(GeoPoint a, GeoPoint b) => DistanceKm(a, CosLatitude(a), b, CosLatitude(b));

    /// <summary>
    /// <see cref="DistanceKm(GeoPoint, GeoPoint)"/> with the cosines of the latitudes already known, for one point measured
    /// against many: the same arithmetic, so the same result to the last bit.
    /// </summary>
    public static double DistanceKm(GeoPoint a, double cosLatitudeA, GeoPoint b, double cosLatitudeB)
    {
        var sinHalfDLat = Math.Sin(ToRadians(b.Latitude - a.Latitude) / 2);
        var sinHalfDLon = Math.Sin(ToRadians(b.Longitude - a.Longitude) / 2);
        var h = (sinHalfDLat * sinHalfDLat) + (cosLatitudeA * cosLatitudeB * sinHalfDLon * sinHalfDLon);
        return 2 * EarthRadiusKm * Math.Asin(Math.Sqrt(Math.Min(1, h)));
    }

    /// <summary>The cosine of the point's latitude, as <see cref="DistanceKm(GeoPoint, double, GeoPoint, double)"/> takes it.</summary>
    public static double CosLatitude(GeoPoint point) => Math.Cos(ToRadians(point.Latitude));

    /// <summary>The shortest distance from <paramref name="point"/> to the great-circle segment from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public static double DistanceToSegmentKm(GeoPoint point, GeoPoint start, GeoPoint end) => DistanceToPolylineKm(point, [start, end]);

    /// <summary>The shortest distance from <paramref name="point"/> to a polyline of great-circle segments; infinity for no points.</summary>
    public static double DistanceToPolylineKm(GeoPoint point, IReadOnlyList<GeoPoint> line)
    {
        // Everything is compared as the squared chord through the Earth (monotonic in the arc), so the loop needs no
        // trigonometry beyond turning each vertex into a unit vector; the arc is taken once at the end.
        var p = UnitVector.Of(point);
        var nearestChordSquared = double.PositiveInfinity;
        var previous = default(UnitVector);
        for (var i = 0; i < line.Count; i++)
        {
            var current = UnitVector.Of(line[i]);
            nearestChordSquared = Math.Min(nearestChordSquared, p.Minus(current).LengthSquared);
            if (i > 0)
            {
                nearestChordSquared = Math.Min(nearestChordSquared, ChordSquaredToInterior(p, previous, current));
            }

            previous = current;
        }

        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(nearestChordSquared) / 2));
    }

    // The squared chord from p to the segment's great circle when p's foot on it lies between a and b; otherwise
    // infinity, because then the nearer end (measured by the caller) is the nearest point.
    internal static double ChordSquaredToInterior(UnitVector p, UnitVector a, UnitVector b)
    {
        var normal = a.Cross(b);
        var length = Math.Sqrt(normal.LengthSquared);
        if (length < 1e-12 || p.Dot(normal.Cross(a)) < 0 || p.Dot(b.Cross(normal)) < 0)
        {
            return double.PositiveInfinity;
        }

        // sin of the cross-track angle; chord² = 2 − 2·cos, written so that it stays exact for tiny angles.
        var sin = Math.Min(1, Math.Abs(p.Dot(normal)) / length);
        return 2 * sin * sin / (1 + Math.Sqrt(1 - (sin * sin)));
    }

    internal static double ToRadians(double degrees) => degrees * Math.PI / 180;

    internal readonly record struct UnitVector(double X, double Y, double Z)
    {
        public double LengthSquared => Dot(this);

        public static UnitVector Of(GeoPoint point)
        {
            var (sinLat, cosLat) = Math.SinCos(ToRadians(point.Latitude));
            var (sinLon, cosLon) = Math.SinCos(ToRadians(point.Longitude));
            return new UnitVector(cosLat * cosLon, cosLat * sinLon, sinLat);
        }

        public double Dot(UnitVector other) => (X * other.X) + (Y * other.Y) + (Z * other.Z);

        public UnitVector Cross(UnitVector other) =>
            new((Y * other.Z) - (Z * other.Y), (Z * other.X) - (X * other.Z), (X * other.Y) - (Y * other.X));

        public UnitVector Minus(UnitVector other) => new(X - other.X, Y - other.Y, Z - other.Z);
    }
}
