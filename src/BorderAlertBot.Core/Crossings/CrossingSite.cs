using BorderAlertBot.Domain;
using BorderAlertBot.Geography;

namespace BorderAlertBot.Crossings;

/// <summary>A gazetteer crossing with the border it lies on and the vicinity in which an event counts as at it.</summary>
internal sealed record CrossingSite(GazetteerEntry Entry, BorderPair? Border, Region.Place Vicinity)
{
    // A country matches the entry's country; a border, the line nearest the crossing; a place, the crossings within its radius.
    public bool IsIn(Region region) => region switch
    {
        Region.Country country => string.Equals(Entry.CountryCode, country.Code, StringComparison.OrdinalIgnoreCase),
        Region.Border border => Border == border.Pair,
        Region.Place place => Geodesy.DistanceKm(place.Entry.Point, Entry.Point) <= place.RadiusKm,
        _ => false,
    };

    /// <summary>In any of the regions; every crossing is in "no region given".</summary>
    public bool IsInAny(IReadOnlyList<Region> regions) => regions.Count == 0 || regions.Any(IsIn);
}
