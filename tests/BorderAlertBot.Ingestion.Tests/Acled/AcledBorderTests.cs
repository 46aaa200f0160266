using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using BorderAlertBot.Ingestion.Tests.Infrastructure;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Ingestion.Tests.Acled;

/// <summary>
/// ACLED rows at the gazetteer's towns, placed on the border by the importer's enricher as the bot composes it
/// (data-sources.md §4.3): a precise point (geo_precision 1–2) is measured; a precision-3 row is never measured and only
/// the township list decides.
/// </summary>
public sealed class AcledBorderTests
{
    [Theory]
    [InlineData("laiza", true, true)]
    [InlineData("chinshwehaw", true, true)]
    [InlineData("laukkai", true, true)]
    [InlineData("muse", true, true)]
    [InlineData("105-mile", true, true)]
    [InlineData("monekoe", true, true)]
    [InlineData("pang-hseng", true, true)]
    [InlineData("namhkan", true, true)]
    [InlineData("kunlong", true, false)]
    [InlineData("bhamo", true, false)]
    [InlineData("waingmaw", true, false)]
    [InlineData("myitkyina", true, false)]
    [InlineData("kutkai", false, false)]
    [InlineData("hseni", false, false)]
    [InlineData("lashio", false, false)]
    public void A_precise_row_at_a_gazetteer_town_is_a_border_event_by_its_distance(string slug, bool inBorderZone, bool atBorder)
    {
        // Arrange
        var town = Gazetteer.Bundled.TryFind(slug)!;
        var row = new AcledRowBuilder().At(town.Name, town.Admin3 ?? string.Empty, town.Admin1 ?? string.Empty, town.Point.Latitude, town.Point.Longitude, precision: 1);

        // Act
        var enriched = SqliteImportHarness.Borders.Enrich(AcledEventMapperTests.Map(row).Event!);

        // Assert
        Assert.Equal(inBorderZone, enriched.Border is not null);
        Assert.Equal(atBorder, enriched.Border?.DistanceKm is <= 10);
        Assert.Equal(inBorderZone ? BorderPair.Parse("CN-MM") : (BorderPair?)null, enriched.Border?.Pair);
    }

    [Fact]
    public void A_precision_3_row_is_never_measured_even_when_its_point_lies_on_the_line()
    {
        // Arrange: Laiza's coordinates, but ACLED only knows the row to the region, coded to Lashio township.
        var laiza = Gazetteer.Bundled.TryFind("laiza")!;
        var row = new AcledRowBuilder().At("Kachin", "Lashio", "Kachin", laiza.Point.Latitude, laiza.Point.Longitude, precision: 3);

        // Act
        var enriched = SqliteImportHarness.Borders.Enrich(AcledEventMapperTests.Map(row).Event!);

        // Assert
        Assert.Null(enriched.Border);
    }

    [Theory]
    [InlineData("Muse", "CN-MM")]
    [InlineData("Waingmaw", "CN-MM")]
    [InlineData("Laukkaing", "CN-MM")]
    [InlineData("Lashio", null)]
    [InlineData("Kutkai", null)]
    public void A_precision_3_row_on_a_border_township_gets_the_pair_without_a_distance(string admin3, string? pair)
    {
        var row = new AcledRowBuilder().At("Somewhere in the township", admin3, "Shan-North", 22.9359, 97.7498, precision: 3);

        var enriched = SqliteImportHarness.Borders.Enrich(AcledEventMapperTests.Map(row).Event!);

        Assert.Equal(pair, enriched.Border?.Pair.ToString());
        Assert.Null(enriched.Border?.DistanceKm);
    }
}
