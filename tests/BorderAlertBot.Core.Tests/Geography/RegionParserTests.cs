using BorderAlertBot.Geography;

namespace BorderAlertBot.Core.Tests.Geography;

public sealed class RegionParserTests
{
    [Theory]
    [InlineData("MM", "MM")]
    [InlineData("mm", "MM")]
    [InlineData(" th ", "TH")]
    [InlineData("CN-MM", "CN-MM")]
    [InlineData("mm-cn", "CN-MM")]
    [InlineData("lashio", "lashio")]
    [InlineData("Lashio", "lashio")]
    [InlineData("Laukkaing", "laukkai")]
    [InlineData("Chin Shwe Haw", "chinshwehaw")]
    [InlineData("qingshuihe", "chinshwehaw")]
    [InlineData("105 mile", "105-mile")]
    [InlineData("Jin San Jiao", "kyin-san-kyawt")]
    [InlineData("mu-se", "muse")]
    [InlineData("laiza~25km", "laiza~25km")]
    [InlineData("Lai Zar ~ 2.5 km", "laiza~2.5km")]
    [InlineData("laiza~10km", "laiza")]
    [InlineData("muse~500KM", "muse~500km")]
    [InlineData("muse~0.1km", "muse~0.1km")]
    public void A_region_is_read_into_its_canonical_form(string text, string canonical)
    {
        var parsed = RegionParser.TryParse(text, Gazetteer.Bundled, out var region, out var error);

        Assert.True(parsed, error);
        Assert.Equal(canonical, region!.ToString()); // Parsed.
        Assert.Null(error);
    }

    [Theory]
    [InlineData("lashioo", "'lashioo' is not a place I know. Did you mean lashio?")]
    [InlineData("lashioo~5km", "'lashioo' is not a place I know. Did you mean lashio?")]
    [InlineData("mon", "'mon' is not a place I know. Did you mean 105-mile or monekoe?")]
    [InlineData("atlantis", "'atlantis' is not a place I know. Try a country code (MM), a border (CN-MM), a place (muse) or a place with a radius (laiza~25km).")]
    [InlineData("  ", "Give a region: a country code (MM), a border (CN-MM), a place (muse) or a place with a radius (laiza~25km).")]
    [InlineData("XX", "'XX' is not an ISO 3166-1 country code (such as MM, CN or TH).")]
    [InlineData("CN-XQ", "'CN-XQ': XQ is not an ISO 3166-1 country code (a border is two codes, such as CN-MM).")]
    [InlineData("CN-CN", "'CN-CN' is not a border: it needs two different countries, such as CN-MM.")]
    [InlineData("laiza~25", "'laiza~25': write the radius as kilometres after the place, such as laiza~25km.")]
    [InlineData("laiza~", "'laiza~': write the radius as kilometres after the place, such as laiza~25km.")]
    [InlineData("laiza~25mi", "'laiza~25mi': write the radius as kilometres after the place, such as laiza~25km.")]
    [InlineData("laiza~-5km", "'laiza~-5km': write the radius as kilometres after the place, such as laiza~25km.")]
    [InlineData("laiza~2,5km", "'laiza~2,5km': write the radius as kilometres after the place, such as laiza~25km.")]
    [InlineData("laiza~0km", "'laiza~0km': the radius must be between 0.1 and 500 km.")]
    [InlineData("laiza~501km", "'laiza~501km': the radius must be between 0.1 and 500 km.")]
    [InlineData("MM~25km", "'MM~25km': a radius goes with a place, not a country or border, such as laiza~25km.")]
    [InlineData("CN-MM~25km", "'CN-MM~25km': a radius goes with a place, not a country or border, such as laiza~25km.")]
    public void A_bad_region_gets_a_short_helpful_error(string text, string expected)
    {
        var parsed = RegionParser.TryParse(text, Gazetteer.Bundled, out var region, out var error);

        Assert.False(parsed);
        Assert.Null(region);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void A_bare_place_has_the_default_radius()
    {
        RegionParser.TryParse("muse", Gazetteer.Bundled, out var region, out _);

        var place = Assert.IsType<Region.Place>(region);
        Assert.Equal(Region.DefaultPlaceRadiusKm, place.RadiusKm);
        Assert.Equal("muse", place.Entry.Slug);
    }

    [Fact]
    public void A_region_written_out_reads_back_as_the_same_region()
    {
        foreach (var text in new[] { "MM", "CN-MM", "laiza", "laiza~25km", "105-mile~2.5km" })
        {
            RegionParser.TryParse(text, Gazetteer.Bundled, out var region, out _);

            Assert.True(RegionParser.TryParse(region!.ToString(), Gazetteer.Bundled, out var again, out _)); // Parsed just above.
            Assert.Equal(region, again);
        }
    }
}
