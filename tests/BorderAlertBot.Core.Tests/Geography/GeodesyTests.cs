using BorderAlertBot.Domain;
using BorderAlertBot.Geography;

namespace BorderAlertBot.Core.Tests.Geography;

public sealed class GeodesyTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(23, 98)]
    [InlineData(-45, 170)]
    public void One_degree_of_latitude_is_about_111_km(double latitude, double longitude)
    {
        var km = Geodesy.DistanceKm(new GeoPoint(latitude, longitude), new GeoPoint(latitude + 1, longitude));

        Assert.Equal(111.2, km, 0.05);
    }

    [Fact]
    public void A_degree_of_longitude_shrinks_with_the_cosine_of_the_latitude()
    {
        var km = Geodesy.DistanceKm(new GeoPoint(60, 10), new GeoPoint(60, 11));

        Assert.Equal(55.6, km, 0.1);
    }

    [Fact]
    public void The_distance_from_a_point_to_itself_is_zero()
    {
        Assert.Equal(0, Geodesy.DistanceKm(new GeoPoint(23.99, 97.91), new GeoPoint(23.99, 97.91)));
    }

    [Theory]
    [InlineData(1, 1, 111.2)]     // above the middle: the cross-track distance
    [InlineData(-0.5, 1, 55.6)]   // below the middle
    [InlineData(0, 1, 0)]         // on the segment
    [InlineData(0, 3, 111.2)]     // beyond the east end: the distance to that end
    [InlineData(0, -1, 111.2)]    // beyond the west end
    [InlineData(1, 2, 111.2)]     // straight above the east end
    public void The_distance_to_a_segment_is_to_its_nearest_point(double latitude, double longitude, double expectedKm)
    {
        var start = new GeoPoint(0, 0);
        var end = new GeoPoint(0, 2);

        var km = Geodesy.DistanceToSegmentKm(new GeoPoint(latitude, longitude), start, end);

        Assert.Equal(expectedKm, km, 0.1);
    }

    [Fact]
    public void The_distance_to_a_segment_does_not_depend_on_its_direction()
    {
        var point = new GeoPoint(23.9, 97.9);
        var a = new GeoPoint(24.0, 97.7);
        var b = new GeoPoint(24.1, 98.1);

        Assert.Equal(Geodesy.DistanceToSegmentKm(point, a, b), Geodesy.DistanceToSegmentKm(point, b, a), 1e-9);
    }

    [Fact]
    public void A_segment_whose_ends_coincide_is_a_point()
    {
        var end = new GeoPoint(24, 98);

        var km = Geodesy.DistanceToSegmentKm(new GeoPoint(25, 98), end, end);

        Assert.Equal(111.2, km, 0.05);
    }
}
