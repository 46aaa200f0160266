using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using BorderAlertBot.Storage;

namespace BorderAlertBot.Answers;

/// <summary>
/// A command's region as a store query: countries and borders are indexed columns; a gazetteer place (<c>laiza~25km</c>)
/// is a distance, so the store is asked for more and the geography decides, as it does for subscriptions.
/// </summary>
internal static class RegionQuery
{
    /// <summary>How many more events to read when the geography, not the store, decides the region.</summary>
    public const int PlaceOverfetch = 20;

    /// <summary>How many events of a summary's period are read when a place's summary is counted from its events.</summary>
    public const int PlaceSummaryLimit = 5_000;

    public static RegionFilter? FilterOf(Region? region) => region switch
    {
        Region.Country country => new RegionFilter.Country(country.Code),
        Region.Border border => new RegionFilter.Border(border.Pair),
        _ => null,
    };

    public static int LimitFor(Region? region, int limit) => region is Region.Place ? limit * PlaceOverfetch : limit;

    public static IEnumerable<ConflictEvent> Keep(Region? region, IEnumerable<ConflictEvent> events) =>
        region is Region.Place place ? events.Where(place.Contains) : events;
}
