using BorderAlertBot.Domain;
using BorderAlertBot.Geography;

namespace BorderAlertBot.Core.Tests.Geography;

public sealed class GazetteerTests
{
    private static readonly Gazetteer Bundled = Gazetteer.Bundled;

    [Fact]
    public void The_bundled_gazetteer_has_every_place_in_scope_once()
    {
        string[] expected =
        [
            "105-mile", "bhamo", "chinshwehaw", "hseni", "kunlong", "kutkai", "kyin-san-kyawt", "laiza", "lashio", "laukkai",
            "monekoe", "muse", "myitkyina", "namhkan", "pang-hseng", "waingmaw",
        ];

        Assert.Equal(expected, Bundled.Entries.Select(entry => entry.Slug).Order(StringComparer.Ordinal));
        Assert.All(Bundled.Entries, entry => Assert.Equal("MM", entry.CountryCode));
    }

    [Fact]
    public void The_crossings_are_the_trade_crossings_and_gates()
    {
        var crossings = Bundled.Entries.Where(entry => entry.IsCrossing).Select(entry => entry.Slug).Order(StringComparer.Ordinal);

        Assert.Equal(["105-mile", "chinshwehaw", "kyin-san-kyawt", "monekoe", "muse", "pang-hseng"], crossings);
    }

    [Fact]
    public void Kyin_San_Kyawt_uses_the_105_mile_point_and_says_it_is_approximate()
    {
        var gate = Bundled.TryFind("kyin-san-kyawt")!; // In the bundled data.

        Assert.True(gate.IsApproximate);
        Assert.Equal(Bundled.TryFind("105-mile")!.Point, gate.Point);
        Assert.False(Bundled.TryFind("muse")!.IsApproximate);
    }

    [Fact]
    public void An_entry_keeps_the_coordinates_and_admin_areas_the_source_gives()
    {
        var laukkai = Bundled.TryFind("laukkai");

        Assert.NotNull(laukkai);
        Assert.Equal("Laukkai", laukkai.Name);
        Assert.Equal(new GeoPoint(23.6916, 98.7641), laukkai.Point);
        Assert.Equal("Shan-North", laukkai.Admin1);
        Assert.Equal("Laukkaing", laukkai.Admin3);
    }

    [Theory]
    [InlineData("laukkai", "laukkai")]
    [InlineData("LAUKKAING", "laukkai")]
    [InlineData("Laogai", "laukkai")]
    [InlineData("老街", "laukkai")]
    [InlineData("Chin Shwe Haw", "chinshwehaw")]
    [InlineData("chin-shwe-haw", "chinshwehaw")]
    [InlineData("Qīngshuǐhé", "chinshwehaw")]
    [InlineData("清水河", "chinshwehaw")]
    [InlineData("  Muse ", "muse")]
    [InlineData("Mu Se", "muse")]
    [InlineData("105 Mile", "105-mile")]
    [InlineData("105 Maing", "105-mile")]
    [InlineData("Mone Yu", "105-mile")]
    [InlineData("mineyu", "105-mile")]
    [InlineData("Jin San Jiao", "kyin-san-kyawt")]
    [InlineData("jinsanjiao", "kyin-san-kyawt")]
    [InlineData("Möng Ko", "monekoe")]
    [InlineData("Kyukoke", "pang-hseng")]
    [InlineData("Kyugok", "pang-hseng")]
    [InlineData("Hpawng Hseng", "pang-hseng")]
    [InlineData("Namkham", "namhkan")]
    [InlineData("Hsenwi", "hseni")]
    [InlineData("Lai Zar", "laiza")]
    [InlineData("LAI-ZAR", "laiza")]
    public void A_place_is_found_by_slug_name_or_alias_ignoring_case_accents_spaces_and_hyphens(string text, string slug)
    {
        Assert.Equal(slug, Bundled.TryFind(text)?.Slug);
    }

    [Theory]
    [InlineData("Ruili")]
    [InlineData("Nansan")]
    [InlineData("")]
    [InlineData("  - ")]
    [InlineData("MM")]
    public void A_name_the_gazetteer_does_not_have_is_not_found(string text)
    {
        Assert.Null(Bundled.TryFind(text));
    }

    [Theory]
    [InlineData("Laukkaing", true)]
    [InlineData("lau-kkai", true)]
    [InlineData("Laukkai Township", false)]
    [InlineData("Chinshwehaw", false)]
    [InlineData(" ", false)]
    [InlineData(null, false)]
    public void An_entry_knows_its_names(string? name, bool expected)
    {
        Assert.Equal(expected, Bundled.TryFind("laukkai")!.HasName(name)); // In the bundled data.
    }

    [Theory]
    [InlineData("lashioo", new[] { "lashio" })]
    [InlineData("Lasho", new[] { "lashio" })]
    [InlineData("myitkina", new[] { "myitkyina" })]
    [InlineData("chinshwehow", new[] { "chinshwehaw" })]
    [InlineData("kyin", new[] { "kyin-san-kyawt" })]
    [InlineData("Laukai", new[] { "laukkai" })]
    [InlineData("zzzzzzzz", new string[0])]
    public void Suggestions_are_the_closest_names_by_edit_distance(string text, string[] expected)
    {
        Assert.Equal(expected, Bundled.Suggest(text, 3));
    }

    [Fact]
    public void Equally_close_suggestions_come_in_slug_order_up_to_the_maximum()
    {
        // "mon" starts Monekoe and Mone Yu (the 105-mile zone).
        Assert.Equal(["105-mile", "monekoe"], Bundled.Suggest("mon", 3));
        Assert.Equal(["105-mile"], Bundled.Suggest("mon", 1));
        Assert.Empty(Bundled.Suggest("mon", 0));
    }

    [Fact]
    public void Near_lists_the_places_within_the_radius_nearest_first()
    {
        var muse = Bundled.TryFind("muse")!.Point; // In the bundled data.

        var near = Bundled.Near(muse, 10).ToList();

        Assert.Equal("muse", near[0].Entry.Slug);
        Assert.Equal(0, near[0].DistanceKm);
        Assert.Equal(["105-mile", "kyin-san-kyawt"], near.Skip(1).Select(n => n.Entry.Slug).Order(StringComparer.Ordinal));
        Assert.All(near.Skip(1), n => Assert.InRange(n.DistanceKm, 7, 9));
    }

    [Fact]
    public void Two_places_may_not_share_a_name()
    {
        var a = new GazetteerEntry("muse", "Muse", ["Mu Se"], "MM", null, null, new GeoPoint(24, 98), true);
        var b = new GazetteerEntry("mu-se", "Other", [], "MM", null, null, new GeoPoint(24, 98), false);

        var error = Assert.Throws<ArgumentException>(() => new Gazetteer([a, b]));

        Assert.Contains("'muse' names both muse and mu-se", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_text_with_a_lone_surrogate_is_looked_up_without_failing()
    {
        Assert.Equal("muse", Gazetteer.Bundled.TryFind("mu\uD800se")?.Slug);
        Assert.Null(Gazetteer.Bundled.TryFind("\uDC00"));
        Assert.NotNull(Gazetteer.Bundled.Suggest("mus\uD800", 3));
    }
}
