using BorderAlertBot.Domain;
using static BorderAlertBot.Geography.Geodesy;

namespace BorderAlertBot.Geography;

/// <summary>
/// A polyline prepared for measuring many points against it (an import places every precise event on its border): the
/// vertices as unit vectors once, and runs of <see cref="ChunkSize"/> segments with a ball around each, so a run that
/// cannot hold anything nearer than what was already found — or nearer than the distance asked about — is skipped. What
/// is measured is exactly what <see cref="Geodesy.DistanceToPolylineKm"/> measures, to the last bit: the same
/// arithmetic on the same vectors, only less of it.
/// </summary>
internal sealed class PolylineIndex
{
    private const int ChunkSize = 16;

    private readonly UnitVector[] _vertices;
    private readonly Chunk[] _chunks;

    public PolylineIndex(IReadOnlyList<GeoPoint> line)
    {
        _vertices = [.. line.Select(UnitVector.Of)];
        var chunks = new List<Chunk>();
        for (var start = 0; start < _vertices.Length; start += ChunkSize)
        {
            // Vertices start..end, and the segments between them (the last vertex of a run starts the next one).
            var end = Math.Min(start + ChunkSize, _vertices.Length - 1);
            var points = _vertices[start..(end + 1)];
            var sum = points.Aggregate(new UnitVector(0, 0, 0), (total, v) => new UnitVector(total.X + v.X, total.Y + v.Y, total.Z + v.Z));
            var length = Math.Sqrt(sum.LengthSquared);
            var center = length < 1e-12 ? points[0] : new UnitVector(sum.X / length, sum.Y / length, sum.Z / length);

            // Every point of a segment's arc is within the segment's chord of its start, so a ball of the farthest
            // vertex plus the longest chord holds the whole run.
            var longest = 0.0;
            for (var i = 1; i < points.Length; i++)
            {
                longest = Math.Max(longest, Math.Sqrt(points[i].Minus(points[i - 1]).LengthSquared));
            }

            var radius = points.Max(v => Math.Sqrt(v.Minus(center).LengthSquared)) + longest + 1e-9;
            chunks.Add(new Chunk(start, end, center, radius));
            if (end == _vertices.Length - 1)
            {
                break;
            }
        }

        _chunks = [.. chunks];
    }

    /// <summary>
    /// The distance from <paramref name="point"/> to the line when it is at most <paramref name="withinKm"/>, else
    /// infinity; equal to <see cref="Geodesy.DistanceToPolylineKm"/> whenever it is finite.
    /// </summary>
    public double DistanceKm(GeoPoint point, double withinKm)
    {
        var p = UnitVector.Of(point);
        var limit = 2 * Math.Sin(Math.Min(Math.PI, withinKm / EarthRadiusKm) / 2);
        var nearestChordSquared = double.PositiveInfinity;
        foreach (var chunk in _chunks)
        {
            var bound = Math.Sqrt(p.Minus(chunk.Center).LengthSquared) - chunk.Radius;
            if (bound > 0 && (bound > limit || bound * bound > nearestChordSquared))
            {
                continue;
            }

            for (var i = chunk.Start; i <= chunk.End; i++)
            {
                nearestChordSquared = Math.Min(nearestChordSquared, p.Minus(_vertices[i]).LengthSquared);
                if (i > chunk.Start)
                {
                    nearestChordSquared = Math.Min(nearestChordSquared, ChordSquaredToInterior(p, _vertices[i - 1], _vertices[i]));
                }
            }
        }

        if (double.IsPositiveInfinity(nearestChordSquared))
        {
            return double.PositiveInfinity;
        }

        var distance = 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(nearestChordSquared) / 2));
        return distance <= withinKm ? distance : double.PositiveInfinity;
    }

    private readonly record struct Chunk(int Start, int End, UnitVector Center, double Radius);
}
