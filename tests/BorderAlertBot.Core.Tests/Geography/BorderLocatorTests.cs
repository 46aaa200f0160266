using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Core.Tests.Geography;

public sealed class BorderLocatorTests
{
    private static readonly BorderPair ChinaMyanmar = BorderPair.Parse("CN-MM");

    private readonly BorderLocator _locator = new(Gazetteer.Bundled, BorderLines.Bundled, new GeographyOptions());

    [Theory]
    [InlineData("laukkai")]
    [InlineData("chinshwehaw")]
    [InlineData("muse")]
    [InlineData("105-mile")]
    [InlineData("namhkan")]
    [InlineData("laiza")]
    public void A_precise_point_at_a_border_town_is_on_the_border_with_its_distance(string slug)
    {
        var position = _locator.Locate(At(slug, LocationPrecision.Exact));

        Assert.NotNull(position);
        Assert.Equal(ChinaMyanmar, position.Pair);
        Assert.InRange(position.DistanceKm!.Value, 0, 10); // Precise points are measured.
        Assert.True(_locator.IsAtBorder(position));
    }

    [Fact]
    public void A_near_point_is_measured_like_an_exact_one()
    {
        var position = _locator.Locate(At("bhamo", LocationPrecision.Near));

        Assert.NotNull(position);
        Assert.InRange(position.DistanceKm!.Value, 10, 50); // Bhamo: ~35 km.
        Assert.False(_locator.IsAtBorder(position));
    }

    [Theory]
    [InlineData("lashio")]
    [InlineData("kutkai")]
    [InlineData("hseni")]
    public void A_precise_point_beyond_the_border_zone_is_not_on_the_border(string slug)
    {
        Assert.Null(_locator.Locate(At(slug, LocationPrecision.Exact)));
    }

    [Fact]
    public void A_wider_border_zone_takes_in_Kutkai()
    {
        var locator = new BorderLocator(Gazetteer.Bundled, BorderLines.Bundled, new GeographyOptions { BorderZoneKm = 60 });

        var position = locator.Locate(At("kutkai", LocationPrecision.Exact));

        Assert.Equal(ChinaMyanmar, position?.Pair);
    }

    [Theory]
    [InlineData(LocationPrecision.Country)]
    [InlineData(LocationPrecision.Region)]
    public void The_GDELT_Myanmar_centroid_is_never_a_border_event(LocationPrecision precision)
    {
        var centroid = new Location("MM", null, null, null, null, new GeoPoint(22.0, 98.0), precision);

        Assert.Null(_locator.Locate(centroid));
    }

    [Fact]
    public void A_township_location_in_Muse_is_on_the_border_by_the_admin_fallback_without_a_distance()
    {
        var muse = new Location("MM", "Shan-North", "Muse", "Muse", null, null, LocationPrecision.Township);

        Assert.Equal(new BorderPosition(ChinaMyanmar, null), _locator.Locate(muse));
    }

    [Theory]
    [InlineData("Laukkaing")]
    [InlineData("Laukkai")]
    [InlineData("Namkham")]
    [InlineData("Mong La")]
    [InlineData("waingmaw")]
    [InlineData("Momauk")]
    public void Border_townships_are_matched_in_any_usual_spelling(string admin3)
    {
        var location = new Location("MM", null, null, admin3, null, null, LocationPrecision.Township);

        Assert.Equal(new BorderPosition(ChinaMyanmar, null), _locator.Locate(location));
    }

    [Fact]
    public void A_township_location_in_Lashio_is_not_on_the_border()
    {
        var lashio = new Location("MM", "Shan-North", "Lashio", "Lashio", null, null, LocationPrecision.Township);

        Assert.Null(_locator.Locate(lashio));
    }

    [Fact]
    public void A_region_level_location_never_counts_even_in_a_border_township()
    {
        var location = new Location("MM", "Shan-North", "Muse", "Muse", "Muse", new GeoPoint(23.9933, 97.9103), LocationPrecision.Region);

        Assert.Null(_locator.Locate(location));
    }

    [Fact]
    public void A_township_location_at_a_named_crossing_is_on_the_border()
    {
        var location = new Location("MM", "Shan-North", null, null, "Jin San Jiao gate", null, LocationPrecision.Township);
        var gate = location with { Place = "Jin San Jiao" };

        Assert.Null(_locator.Locate(location));
        Assert.Equal(new BorderPosition(ChinaMyanmar, null), _locator.Locate(gate));
    }

    [Fact]
    public void No_location_is_no_border()
    {
        Assert.Null(_locator.Locate(null));
    }

    [Fact]
    public void Enrich_adds_the_distance_to_a_curated_pair()
    {
        var curated = new EventBuilder().At(At("laukkai", LocationPrecision.Exact)).OnBorder("CN-MM").Build();

        var enriched = _locator.Enrich(curated);

        Assert.Equal(ChinaMyanmar, enriched.Border?.Pair);
        Assert.Equal(3.8, enriched.Border!.DistanceKm!.Value, 0.2); // Set just above.
        Assert.Equal(curated with { Border = enriched.Border }, enriched);
    }

    [Fact]
    public void Enrich_keeps_a_curated_pair_that_the_locator_cannot_confirm()
    {
        var curated = new EventBuilder().At(new Location("MM", "Shan-North", null, null, null, null, LocationPrecision.Region)).OnBorder("CN-MM").Build();

        var enriched = _locator.Enrich(curated);

        Assert.Same(curated, enriched);
    }

    [Fact]
    public void Enrich_sets_the_border_of_an_event_the_curator_left_without_one()
    {
        var e = new EventBuilder().At(new Location("MM", "Kachin", null, "Waingmaw", null, null, LocationPrecision.Township)).OnBorder(null).Build();

        Assert.Equal(new BorderPosition(ChinaMyanmar, null), _locator.Enrich(e).Border);
    }

    [Fact]
    public void Enrich_leaves_an_event_away_from_any_border_without_one()
    {
        var e = new EventBuilder().At(At("lashio", LocationPrecision.Exact)).OnBorder(null).Build();

        Assert.Null(_locator.Enrich(e).Border);
    }

    private static Location At(string slug, LocationPrecision precision)
    {
        var entry = Gazetteer.Bundled.TryFind(slug)!; // Every slug used here is in the gazetteer.
        return new Location(entry.CountryCode, entry.Admin1, null, entry.Admin3, entry.Name, entry.Point, precision);
    }
}
