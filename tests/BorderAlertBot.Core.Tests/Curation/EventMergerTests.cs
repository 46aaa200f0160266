using BorderAlertBot.Curation;
using BorderAlertBot.Domain;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Core.Tests.Curation;

public sealed class EventMergerTests
{
    private static readonly Actor Mndaa = new("MNTJP/MNDAA: Myanmar National Truth and Justice Party/Myanmar National Democratic Alliance Army", "MNDAA");
    private static readonly Actor Military = new("Military Forces of Myanmar (2021-)", "Myanmar military");
    private static readonly Actor Kia = new("KIO/KIA: Kachin Independence Organization/Kachin Independence Army", "KIA");

    private readonly CurationStore _store = new(new CurationOptions { MergeDistanceKm = 25, MergeWindow = TimeSpan.FromDays(2) });

    [Fact]
    public async Task A_report_of_the_same_kind_nearby_the_next_day_with_a_shared_actor_is_the_same_happening()
    {
        // Arrange
        var laukkai = await _store.AddAsync(Clash("Laukkai", 23.6916, 98.7641, 2024, 1, 4).WithActors(Mndaa, Military).Build());
        var report = Clash("Laukkai", 23.70, 98.75, 2024, 1, 5).WithActors(Mndaa).WithStatus(EventStatus.Pending).Build();

        // Act
        var target = await _store.Merger.FindTargetAsync(report, CancellationToken.None);

        // Assert
        Assert.Equal(laukkai.Id, target?.Id);
    }

    [Theory]
    [InlineData("another kind")]
    [InlineData("too far")]
    [InlineData("too late")]
    [InlineData("no shared actor")]
    [InlineData("withdrawn")]
    public async Task A_report_that_differs_in_kind_place_time_or_actors_is_not_merged(string difference)
    {
        // Arrange
        var stored = difference switch
        {
            "another kind" => Clash("Laukkai", 23.6916, 98.7641, 2024, 1, 5).WithSubtype(EventSubtype.CrossingClosed).WithActors(Mndaa).Build(),
            "too far" => Clash("Lashio", 22.9359, 97.7498, 2024, 1, 5).WithActors(Mndaa).Build(),
            "too late" => Clash("Laukkai", 23.6916, 98.7641, 2024, 1, 8).WithActors(Mndaa).Build(),
            "no shared actor" => Clash("Laukkai", 23.6916, 98.7641, 2024, 1, 5).WithActors(Kia).Build(),
            _ => Clash("Laukkai", 23.6916, 98.7641, 2024, 1, 5).WithActors(Mndaa).WithStatus(EventStatus.Rejected, "not corroborated").Build(),
        };
        await _store.AddAsync(stored);
        var report = Clash("Laukkai", 23.6916, 98.7641, 2024, 1, 5).WithActors(Mndaa, Military).Build();

        // Act
        var target = await _store.Merger.FindTargetAsync(report, CancellationToken.None);

        // Assert
        Assert.Null(target);
    }

    [Fact]
    public async Task Without_precise_points_places_are_compared_by_name()
    {
        var township = new Location("MM", "Shan-North", "Muse", "Muse", "Muse", null, LocationPrecision.Township);
        var stored = await _store.AddAsync(new EventBuilder().At(township).WithActors(Mndaa).OccurredOn(2024, 1, 5).Build());
        var sameTown = new EventBuilder().At(township with { Place = null }).WithActors(Mndaa).OccurredOn(2024, 1, 5).Build();
        var otherTown = new EventBuilder().At(township with { Place = "Namhkan", Admin3 = "Namhkan" }).WithActors(Mndaa).OccurredOn(2024, 1, 5).Build();

        Assert.Equal(stored.Id, (await _store.Merger.FindTargetAsync(sameTown, CancellationToken.None))?.Id);
        Assert.Null(await _store.Merger.FindTargetAsync(otherTown, CancellationToken.None));
    }

    [Fact]
    public async Task A_verified_event_is_preferred_to_a_closer_pending_one()
    {
        var pending = await _store.AddAsync(Clash("Laukkai", 23.70, 98.75, 2024, 1, 5).WithActors(Mndaa).WithStatus(EventStatus.Pending).Build());
        var verified = await _store.AddAsync(Clash("Laukkai", 23.6916, 98.7641, 2024, 1, 4).WithActors(Mndaa).Build());
        var report = Clash("Laukkai", 23.70, 98.75, 2024, 1, 5).WithActors(Mndaa).Build();

        var target = await _store.Merger.FindTargetAsync(report, CancellationToken.None);

        Assert.NotEqual(pending.Id, target?.Id);
        Assert.Equal(verified.Id, target?.Id);
    }

    private static EventBuilder Clash(string place, double latitude, double longitude, int year, int month, int day) =>
        new EventBuilder()
            .At(new Location("MM", "Shan-North", null, place, place, new GeoPoint(latitude, longitude), LocationPrecision.Exact))
            .OccurredOn(year, month, day);
}
