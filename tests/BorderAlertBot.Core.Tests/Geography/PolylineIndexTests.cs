using BorderAlertBot.Domain;
using BorderAlertBot.Geography;

namespace BorderAlertBot.Core.Tests.Geography;

public sealed class PolylineIndexTests
{
    [Fact]
    public void The_index_measures_exactly_what_the_plain_walk_measures_within_the_distance_asked_about()
    {
        // Arrange: points scattered over the border region and beyond it.
        var random = new Random(1027);
        var line = BorderLines.Bundled.Single();

        foreach (var part in line.Parts)
        {
            var index = new PolylineIndex(part);
            for (var i = 0; i < 5_000; i++)
            {
                var point = new GeoPoint(20 + (random.NextDouble() * 10), 95 + (random.NextDouble() * 10));

                // Act
                var plain = Geodesy.DistanceToPolylineKm(point, part);
                var indexed = index.DistanceKm(point, withinKm: 50);

                // Assert
                Assert.Equal(plain <= 50 ? plain : double.PositiveInfinity, indexed);
            }
        }
    }

    [Fact]
    public void A_far_limit_gives_the_exact_distance_of_any_point()
    {
        var part = BorderLines.Bundled.Single().Parts[0];
        var lashio = new GeoPoint(22.9359, 97.7498);

        Assert.Equal(Geodesy.DistanceToPolylineKm(lashio, part), new PolylineIndex(part).DistanceKm(lashio, withinKm: 20_000));
    }
}
