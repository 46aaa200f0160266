using BorderAlertBot.Crossings;
using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using BorderAlertBot.Testing.Builders;
using BorderAlertBot.Testing.Stores;

namespace BorderAlertBot.Core.Tests.Crossings;

/// <summary>Trade disruptions at the bundled crossings, and a board over them.</summary>
internal static class CrossingEvents
{
    public static readonly GeoPoint Chinshwehaw = new(23.494, 98.844);

    public static readonly DateTimeOffset AsOf = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly BorderLocator Locator = new(Gazetteer.Bundled, BorderLines.Bundled, new GeographyOptions());

    public static CrossingsBoard BoardOver(params ConflictEvent[] events) => BoardOver(new InMemoryEventQueries(events));

    public static CrossingsBoard BoardOver(InMemoryEventQueries queries) => new(queries, Gazetteer.Bundled, Locator);

    /// <summary>A verified event of <paramref name="subtype"/> at Chinshwehaw (an exact point) unless placed elsewhere.</summary>
    public static EventBuilder Disruption(EventSubtype subtype, int year, int month, int day) =>
        new EventBuilder().WithSubtype(subtype).OccurredOn(year, month, day).At(Exactly(Chinshwehaw));

    public static Location Exactly(GeoPoint point) => new("MM", "Shan-North", null, null, null, point, LocationPrecision.Exact);

    /// <summary>Known only by the place's name, with no coordinates.</summary>
    public static Location Named(string place) => new("MM", "Shan-North", null, null, place, null, LocationPrecision.Region);

    /// <summary>Known only to the township (admin3); a township point stands for the township, not a place in it.</summary>
    public static Location Township(string admin3, GeoPoint? point = null) => new("MM", "Shan-North", null, admin3, null, point, LocationPrecision.Township);

    public static CrossingState Slug(this IReadOnlyList<CrossingState> board, string slug) =>
        board.Single(state => state.Crossing.Slug == slug);
}
