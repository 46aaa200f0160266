using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using static BorderAlertBot.Core.Tests.Crossings.CrossingEvents;

namespace BorderAlertBot.Core.Tests.Crossings;

public sealed class CrossingsBoardRegionTests
{
    [Theory]
    [InlineData(null, "105-mile chinshwehaw kyin-san-kyawt monekoe muse pang-hseng")]
    [InlineData("MM", "105-mile chinshwehaw kyin-san-kyawt monekoe muse pang-hseng")]
    [InlineData("CN", "")]
    [InlineData("CN-MM", "105-mile chinshwehaw kyin-san-kyawt monekoe muse pang-hseng")]
    [InlineData("MM-TH", "")]
    [InlineData("muse", "105-mile kyin-san-kyawt muse")]                     // the 105-mile zone is 8 km away
    [InlineData("muse~50km", "105-mile kyin-san-kyawt monekoe muse")]        // Monekoe 43 km, Pang Hseng 54 km
    [InlineData("laukkai~25km", "chinshwehaw")]                              // 23 km
    [InlineData("laiza", "")]
    public async Task A_region_keeps_the_crossings_in_it(string? region, string expected)
    {
        // Arrange
        Region? parsed = null;
        if (region is not null)
        {
            Assert.True(RegionParser.TryParse(region, Gazetteer.Bundled, out parsed, out var error), error);
        }

        var board = BoardOver();

        // Act
        var states = await board.GetAsync(parsed, AsOf, CancellationToken.None);

        // Assert
        Assert.Equal(expected, string.Join(' ', states.Select(state => state.Crossing.Slug).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task The_board_lists_closed_then_restricted_then_open_then_unknown_crossings_by_name_within_each()
    {
        // Arrange
        var board = BoardOver(
            Disruption(EventSubtype.CrossingReopened, 2024, 3, 11).At(Township("Muse")).Build(),
            Disruption(EventSubtype.CrossingClosed, 2024, 1, 2).At(Named("Monekoe")).Build(),
            Disruption(EventSubtype.CargoDestroyed, 2024, 1, 3).At(Named("Pang Hseng")).Build(),
            Disruption(EventSubtype.CrossingClosed, 2023, 10, 27).At(Named("Chinshwehaw")).Build());

        // Act
        var states = await board.GetAsync(null, AsOf, CancellationToken.None);

        // Assert
        Assert.Equal(
            ["chinshwehaw", "monekoe", "pang-hseng", "muse", "105-mile", "kyin-san-kyawt"],
            states.Select(state => state.Crossing.Slug));
    }
}
