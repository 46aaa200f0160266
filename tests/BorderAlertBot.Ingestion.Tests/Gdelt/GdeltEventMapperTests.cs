using BorderAlertBot.Domain;
using BorderAlertBot.Ingestion.Gdelt;
using BorderAlertBot.Ingestion.Tests.Infrastructure;

namespace BorderAlertBot.Ingestion.Tests.Gdelt;

public sealed class GdeltEventMapperTests
{
    [Fact]
    public void A_world_city_row_becomes_a_pending_candidate_near_the_city_with_its_article_and_gdelts_counts()
    {
        // Arrange
        var row = new GdeltRowBuilder(1_131_000_001).WithCounts(sources: 4, articles: 12).Build();

        // Act
        var candidate = Single(row);

        // Assert
        Assert.Equal(("evt_gdelt_1131000001", "gdelt:1131000001"), (candidate.Id.Value, Assert.Single(candidate.ExternalIds)));
        Assert.Equal((EventKind.BorderClash, EventSubtype.ArmedClash, EventStatus.Pending), (candidate.Kind, candidate.Subtype, candidate.Status));
        Assert.Equal("Fight with small arms and light weapons: Myanmar military → Rebel — Laukkai, Shan State, Myanmar", candidate.Title);
        Assert.Equal(new Occurrence(new DateTimeOffset(2023, 10, 27, 0, 0, 0, TimeSpan.Zero), TimePrecision.Day), candidate.Occurred);
        Assert.Equal(new Location("MM", "Shan State", null, null, "Laukkai", new GeoPoint(23.6916, 98.7641), LocationPrecision.Near), candidate.Location);
        Assert.Equal([new Actor("Myanmar military", "Tatmadaw"), new Actor("Rebel", "Rebel")], candidate.Actors);
        var source = Assert.Single(candidate.Sources);
        Assert.Equal(("irrawaddy.com", "https://www.irrawaddy.com/news/burma/fighting-in-laukkai.html", new DateTimeOffset(2023, 10, 27, 8, 15, 0, TimeSpan.Zero)),
            (source.Name, source.Url.AbsoluteUri, source.PublishedAt));
        Assert.Equal(
            "Machine-coded by GDELT from news, not yet checked: Fight with small arms and light weapons (CAMEO 193) at Laukkai, Shan State, Myanmar (a city or landmark). "
            + "GDELT: 4 sources, 12 articles in its first 15 minutes (Goldstein -10, tone -7.5).",
            candidate.Summary);
        Assert.Equal(Severity.Moderate, candidate.Severity.Computed);
    }

    [Fact]
    public void Fips_countries_become_iso_codes_china_is_cn_not_switzerland()
    {
        var row = new GdeltRowBuilder(2).WithEventCode("107").WithActor2("MMR", "MYANMAR", "MMR", string.Empty)
            .AtCity("Kunming, Yunnan, China", 25.0389, 102.718, "-1928850", fips: "CH", adm1: "CH29").Build();

        var candidate = Single(row);

        Assert.Equal(("CN", "Yunnan", "Kunming"), (candidate.Location!.CountryCode, candidate.Location.Admin1, candidate.Location.Place));
    }

    [Fact]
    public void A_known_group_gets_its_short_name()
    {
        var row = new GdeltRowBuilder(3).WithActor2("MMRREB", "KACHIN INDEPENDENCE ARMY", "MMR", "REB").Build();

        Assert.Contains(new Actor("Kachin Independence Army rebels", "KIA"), Single(row).Actors);
    }

    [Fact]
    public void A_country_level_row_keeps_only_the_country_and_no_point()
    {
        var candidate = Single(new GdeltRowBuilder(4).AtCountryCentroid().Build());

        Assert.Equal(new Location("MM", null, null, null, null, null, LocationPrecision.Country), candidate.Location);
        Assert.Contains("(the country only, not a place)", candidate.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void An_adm1_level_row_keeps_only_the_region_and_no_point()
    {
        var candidate = Single(new GdeltRowBuilder(5).AtRegion("Shan State, Myanmar", "BM11", 21.5, 97.75).Build());

        Assert.Equal(new Location("MM", "Shan State", null, null, null, null, LocationPrecision.Region), candidate.Location);
    }

    [Fact]
    public void The_gdelt_country_centroid_is_never_a_border_event()
    {
        // Arrange: Myanmar's centroid (22.0, 98.0) is in Shan State, not far from the line; type 1 says "the country".
        var centroid = Single(new GdeltRowBuilder(6).AtCountryCentroid().Build());
        var shanState = Single(new GdeltRowBuilder(7).AtRegion("Shan State, Myanmar", "BM11", 22.0, 98.0).Build());
        var laukkai = Single(new GdeltRowBuilder(8).Build());

        // Act: the enrichment every import goes through.
        var located = new[] { centroid, shanState, laukkai }.Select(SourceHarness.Locator.Enrich).ToList();

        // Assert
        Assert.Null(located[0].Border);
        Assert.Null(located[1].Border);
        Assert.Equal("CN-MM", located[2].Border?.Pair.ToString());
        Assert.True(located[2].Border!.DistanceKm < 10);
    }

    private static ConflictEvent Single(string row) =>
        Assert.Single(GdeltExportReader.Read(new StringReader(row), new GdeltScope(["BM", "CH"], ["MMR"])).Records).Event!;
}
