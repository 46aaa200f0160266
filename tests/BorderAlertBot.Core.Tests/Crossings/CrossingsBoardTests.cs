using BorderAlertBot.Crossings;
using BorderAlertBot.Domain;
using BorderAlertBot.Storage;
using BorderAlertBot.Testing.Stores;
using static BorderAlertBot.Core.Tests.Crossings.CrossingEvents;

namespace BorderAlertBot.Core.Tests.Crossings;

public sealed class CrossingsBoardTests
{
    [Fact]
    public async Task Every_crossing_without_a_trade_disruption_on_record_is_unknown()
    {
        // Arrange: a clash at Chinshwehaw is not a trade disruption.
        var clash = Disruption(EventSubtype.ArmedClash, 2024, 1, 5).Build();
        var board = BoardOver(clash);

        // Act
        var states = await board.GetAsync(null, AsOf, CancellationToken.None);

        // Assert
        Assert.Equal(["105-mile", "chinshwehaw", "kyin-san-kyawt", "monekoe", "muse", "pang-hseng"], states.Select(state => state.Crossing.Slug).Order());
        Assert.All(states, state => Assert.Equal((CrossingStatus.Unknown, null, null, null), (state.Status, state.Since, state.SetBy, state.LastEvent)));
    }

    [Fact]
    public async Task A_closed_crossing_is_closed_since_the_closure()
    {
        // Arrange
        var closed = Disruption(EventSubtype.CrossingClosed, 2023, 10, 27).Build();
        var board = BoardOver(closed);

        // Act
        var state = (await board.GetAsync(null, AsOf, CancellationToken.None)).Slug("chinshwehaw");

        // Assert
        Assert.Equal((CrossingStatus.Closed, closed.Occurred.At), (state.Status, state.Since));
        Assert.Same(closed, state.SetBy);
        Assert.Same(closed, state.LastEvent);
    }

    [Fact]
    public async Task A_crossing_closed_then_reopened_is_open_since_the_reopening()
    {
        // Arrange
        var closed = Disruption(EventSubtype.CrossingClosed, 2023, 10, 27).Build();
        var reopened = Disruption(EventSubtype.CrossingReopened, 2024, 3, 11).Build();
        var board = BoardOver(reopened, closed);

        // Act
        var state = (await board.GetAsync(null, AsOf, CancellationToken.None)).Slug("chinshwehaw");

        // Assert
        Assert.Equal((CrossingStatus.Open, new DateTimeOffset(2024, 3, 11, 0, 0, 0, TimeSpan.Zero)), (state.Status, state.Since));
        Assert.Same(reopened, state.SetBy);
        Assert.Same(reopened, state.LastEvent);
    }

    [Fact]
    public async Task A_route_blocked_at_a_closed_crossing_leaves_it_closed_since_the_closure_and_is_its_last_event()
    {
        // Arrange
        var closed = Disruption(EventSubtype.CrossingClosed, 2023, 10, 27).Build();
        var blocked = Disruption(EventSubtype.RouteBlocked, 2023, 11, 2).Build();
        var board = BoardOver(closed, blocked);

        // Act
        var state = (await board.GetAsync(null, AsOf, CancellationToken.None)).Slug("chinshwehaw");

        // Assert
        Assert.Equal((CrossingStatus.Closed, closed.Occurred.At), (state.Status, state.Since));
        Assert.Same(closed, state.SetBy);
        Assert.Same(blocked, state.LastEvent);
    }

    [Theory]
    [InlineData(EventSubtype.RouteBlocked)]
    [InlineData(EventSubtype.CargoDestroyed)]
    [InlineData(EventSubtype.SanctionImposed)]
    public async Task A_restricting_event_after_a_reopening_restricts_the_crossing(EventSubtype subtype)
    {
        // Arrange
        var closed = Disruption(EventSubtype.CrossingClosed, 2023, 10, 27).Build();
        var reopened = Disruption(EventSubtype.CrossingReopened, 2024, 3, 11).Build();
        var restricting = Disruption(subtype, 2024, 3, 20).Build();
        var board = BoardOver(closed, reopened, restricting);

        // Act
        var state = (await board.GetAsync(null, AsOf, CancellationToken.None)).Slug("chinshwehaw");

        // Assert
        Assert.Equal((CrossingStatus.Restricted, restricting.Occurred.At), (state.Status, state.Since));
        Assert.Same(restricting, state.SetBy);
    }

    [Fact]
    public async Task A_crossing_restricted_twice_is_restricted_since_the_first_restriction()
    {
        // Arrange
        var blocked = Disruption(EventSubtype.RouteBlocked, 2024, 3, 1).Build();
        var burned = Disruption(EventSubtype.CargoDestroyed, 2024, 3, 20).Build();
        var board = BoardOver(burned, blocked);

        // Act
        var state = (await board.GetAsync(null, AsOf, CancellationToken.None)).Slug("chinshwehaw");

        // Assert
        Assert.Equal((CrossingStatus.Restricted, blocked.Occurred.At), (state.Status, state.Since));
        Assert.Same(blocked, state.SetBy);
        Assert.Same(burned, state.LastEvent);
    }

    [Theory]
    [InlineData(EventStatus.Pending)]
    [InlineData(EventStatus.Rejected)]
    [InlineData(EventStatus.Retracted)]
    public async Task A_closure_that_is_not_verified_is_ignored(EventStatus status)
    {
        // Arrange
        var reopened = Disruption(EventSubtype.CrossingReopened, 2024, 3, 11).Build();
        var closed = Disruption(EventSubtype.CrossingClosed, 2024, 4, 1).WithStatus(status).Build();
        var board = BoardOver(reopened, closed);

        // Act
        var state = (await board.GetAsync(null, AsOf, CancellationToken.None)).Slug("chinshwehaw");

        // Assert
        Assert.Equal((CrossingStatus.Open, reopened.Occurred.At), (state.Status, state.Since));
        Assert.Same(reopened, state.LastEvent);
    }

    [Fact]
    public async Task Events_after_the_moment_do_not_count_and_one_at_the_moment_does()
    {
        // Arrange
        var closed = Disruption(EventSubtype.CrossingClosed, 2023, 10, 27).Build();
        var reopened = Disruption(EventSubtype.CrossingReopened, 2024, 3, 11).Build();
        var board = BoardOver(closed, reopened);

        // Act
        var before = (await board.GetAsync(null, reopened.Occurred.At.AddTicks(-1), CancellationToken.None)).Slug("chinshwehaw");
        var at = (await board.GetAsync(null, reopened.Occurred.At, CancellationToken.None)).Slug("chinshwehaw");

        // Assert
        Assert.Equal(CrossingStatus.Closed, before.Status);
        Assert.Equal(CrossingStatus.Open, at.Status);
    }

    [Fact]
    public async Task A_closure_older_than_the_look_back_is_no_longer_on_record()
    {
        // Arrange
        var closed = Disruption(EventSubtype.CrossingClosed, 2023, 10, 27).Build();
        var board = BoardOver(closed);

        // Act
        var state = (await board.GetAsync(null, closed.Occurred.At + CrossingsBoard.LookBack + TimeSpan.FromDays(1), CancellationToken.None)).Slug("chinshwehaw");

        // Assert
        Assert.Equal(CrossingStatus.Unknown, state.Status);
    }

    [Fact]
    public async Task The_board_reads_the_verified_trade_disruptions_of_the_past_year_in_one_bounded_query()
    {
        // Arrange
        var queries = new InMemoryEventQueries();
        var board = BoardOver(queries);

        // Act
        await board.GetAsync(null, AsOf, CancellationToken.None);

        // Assert
        var (filter, limit) = Assert.Single(queries.Calls);
        Assert.Equal([EventKind.TradeDisruption], filter.Kinds);
        Assert.Equal([EventStatus.Verified], filter.Statuses);
        Assert.Equal((AsOf.AddDays(-365), AsOf.AddTicks(1)), (filter.From, filter.To));
        Assert.Null(filter.Region);
        Assert.Equal(CrossingsBoard.MaxEvents, limit);
    }
}
