using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Core.Tests.Geography;

public sealed class RegionTests
{
    // Each row: the region as typed, then the event: country, precision, point (or none), admin3, place, border pair.
    [Theory]
    [InlineData("MM", "MM", "Exact", 23.6916, 98.7641, "Laukkaing", "Laukkai", "CN-MM", true)]
    [InlineData("MM", "CN", "Exact", 24.0, 97.85, null, "Ruili", "CN-MM", false)]
    [InlineData("MM", "MM", "Country", null, null, null, null, null, true)]
    [InlineData("CN", "MM", "Exact", 23.6916, 98.7641, "Laukkaing", "Laukkai", "CN-MM", false)]
    [InlineData("CN-MM", "MM", "Township", null, null, "Muse", null, "CN-MM", true)]
    [InlineData("CN-MM", "CN", "Exact", 24.0, 97.85, null, "Ruili", "CN-MM", true)]
    [InlineData("CN-MM", "MM", "Exact", 22.9359, 97.7498, "Lashio", "Lashio", null, false)]
    [InlineData("MM-TH", "MM", "Exact", 23.6916, 98.7641, "Laukkaing", "Laukkai", "CN-MM", false)]
    [InlineData("laiza", "MM", "Exact", 24.7561, 97.5505, "Waingmaw", "Laiza", "CN-MM", true)]
    [InlineData("laiza", "MM", "Near", 24.79, 97.55, "Waingmaw", "Mung Lai Hkyet", "CN-MM", true)]         // the IDP camp, ~4 km north
    [InlineData("laiza", "MM", "Exact", 24.90, 97.55, "Waingmaw", null, "CN-MM", false)]                   // 16 km north
    [InlineData("laiza~25km", "MM", "Exact", 24.90, 97.55, "Waingmaw", null, "CN-MM", true)]
    [InlineData("laiza", "MM", "Exact", 25.3502, 97.4384, "Waingmaw", "Waingmaw", null, false)]
    [InlineData("muse", "MM", "Township", null, null, "Muse", null, "CN-MM", true)]                         // admin3 names the place
    [InlineData("laukkai", "MM", "Township", null, null, "Laukkaing", null, "CN-MM", true)]                // by alias
    [InlineData("muse", "MM", "Township", null, null, "Namhkan", null, "CN-MM", false)]
    [InlineData("chinshwehaw", "MM", "Region", null, null, null, "Chin Shwe Haw", "CN-MM", true)]           // by place name
    [InlineData("muse", "MM", "Township", 23.9933, 97.9103, "Namhkan", null, null, false)]                 // a township point is not a place
    [InlineData("muse", "MM", "Exact", 23.9933, 97.9103, null, "Namhkan", null, true)]                     // a precise point is
    public void A_region_contains_the_events_it_covers(
        string region, string country, string precision, double? lat, double? lon, string? admin3, string? place, string? border, bool expected)
    {
        var point = lat is { } latitude && lon is { } longitude ? new GeoPoint(latitude, longitude) : (GeoPoint?)null;
        var location = new Location(country, null, null, admin3, place, point, Enum.Parse<LocationPrecision>(precision));
        var e = new EventBuilder().At(location).OnBorder(border).Build();

        Assert.True(RegionParser.TryParse(region, Gazetteer.Bundled, out var parsed, out var error), error);
        Assert.Equal(expected, parsed.Contains(e));
    }

    [Fact]
    public void No_region_but_a_border_one_contains_an_event_without_a_location()
    {
        var e = new EventBuilder().At(null).OnBorder("CN-MM").Build();
        var laiza = Gazetteer.Bundled.TryFind("laiza")!; // In the bundled data.

        Assert.False(new Region.Country("MM").Contains(e));
        Assert.False(new Region.Place(laiza, 500).Contains(e));
        Assert.True(new Region.Border(BorderPair.Parse("CN-MM")).Contains(e));
    }

    [Theory]
    [InlineData(10, "laiza")]
    [InlineData(25, "laiza~25km")]
    [InlineData(2.5, "laiza~2.5km")]
    [InlineData(0.1, "laiza~0.1km")]
    public void A_place_is_written_as_its_slug_with_any_radius_but_the_default(double radiusKm, string expected)
    {
        var laiza = Gazetteer.Bundled.TryFind("Lai Zar")!; // In the bundled data.

        Assert.Equal(expected, new Region.Place(laiza, radiusKm).ToString());
    }

    [Fact]
    public void Countries_and_borders_are_written_as_their_codes()
    {
        Assert.Equal("MM", new Region.Country("MM").ToString());
        Assert.Equal("CN-MM", new Region.Border(BorderPair.Parse("mm-cn")).ToString());
    }
}
