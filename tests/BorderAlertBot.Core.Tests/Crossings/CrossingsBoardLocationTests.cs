using BorderAlertBot.Crossings;
using BorderAlertBot.Domain;
using static BorderAlertBot.Core.Tests.Crossings.CrossingEvents;

namespace BorderAlertBot.Core.Tests.Crossings;

/// <summary>Which events are at a crossing: a precise point within 10 km, otherwise a place or township named as the crossing.</summary>
public sealed class CrossingsBoardLocationTests
{
    [Theory]
    [InlineData(0.045, CrossingStatus.Closed)]   // 5 km north
    [InlineData(0.27, CrossingStatus.Unknown)]   // 30 km north
    public async Task A_precisely_located_closure_counts_only_within_10_km_of_the_crossing(double latitudeOffset, CrossingStatus expected)
    {
        // Arrange
        var point = new GeoPoint(Chinshwehaw.Latitude + latitudeOffset, Chinshwehaw.Longitude);
        var closed = Disruption(EventSubtype.CrossingClosed, 2024, 4, 1).At(Exactly(point)).Build();
        var board = BoardOver(closed);

        // Act
        var state = (await board.GetAsync(null, AsOf, CancellationToken.None)).Slug("chinshwehaw");

        // Assert
        Assert.Equal(expected, state.Status);
    }

    [Fact]
    public async Task A_closure_known_only_by_its_township_counts_for_the_crossing_of_that_name()
    {
        // Arrange
        var closed = Disruption(EventSubtype.CrossingClosed, 2024, 4, 1).At(Township("Mu Se")).Build();
        var board = BoardOver(closed);

        // Act
        var states = await board.GetAsync(null, AsOf, CancellationToken.None);

        // Assert: the 105-mile zone, 8 km away and in Muse Township too, has other names.
        Assert.Equal(CrossingStatus.Closed, states.Slug("muse").Status);
        Assert.Equal(CrossingStatus.Unknown, states.Slug("105-mile").Status);
    }

    [Fact]
    public async Task A_closure_known_only_by_the_place_name_counts_for_that_crossing()
    {
        // Arrange
        var closed = Disruption(EventSubtype.CrossingClosed, 2024, 4, 1).At(Named("Chin Shwe Haw")).Build();
        var board = BoardOver(closed);

        // Act
        var state = (await board.GetAsync(null, AsOf, CancellationToken.None)).Slug("chinshwehaw");

        // Assert
        Assert.Equal(CrossingStatus.Closed, state.Status);
    }

    [Fact]
    public async Task A_township_point_does_not_place_an_event_at_a_crossing_of_another_name()
    {
        // Arrange: Chinshwehaw is in Laukkaing Township, but a township is not the crossing.
        var closed = Disruption(EventSubtype.CrossingClosed, 2024, 4, 1).At(Township("Laukkaing", Chinshwehaw)).Build();
        var board = BoardOver(closed);

        // Act
        var state = (await board.GetAsync(null, AsOf, CancellationToken.None)).Slug("chinshwehaw");

        // Assert
        Assert.Equal(CrossingStatus.Unknown, state.Status);
    }

    [Fact]
    public async Task An_event_without_a_location_is_at_no_crossing()
    {
        // Arrange
        var closed = Disruption(EventSubtype.CrossingClosed, 2024, 4, 1).At(null).Build();
        var board = BoardOver(closed);

        // Act
        var states = await board.GetAsync(null, AsOf, CancellationToken.None);

        // Assert
        Assert.All(states, state => Assert.Equal(CrossingStatus.Unknown, state.Status));
    }
}
