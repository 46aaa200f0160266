using System.Globalization;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Geography;

/// <summary>
/// A region in a filter or query (ARCHITECTURE.md §4): a country, a border, or a gazetteer place with a radius.
/// Parsed by <see cref="RegionParser"/>; <see cref="object.ToString"/> gives the canonical text (<c>MM</c>, <c>CN-MM</c>,
/// <c>laiza</c>, <c>laiza~25km</c>).
/// </summary>
public abstract record Region
{
    /// <summary>The radius of a place named without one (<c>muse</c> means <c>muse~10km</c>).</summary>
    public const double DefaultPlaceRadiusKm = 10;

    private Region()
    {
    }

    public abstract bool Contains(ConflictEvent e);

    /// <summary>Events located in the country (ISO 3166-1 alpha-2, upper case).</summary>
    public sealed record Country(string Code) : Region
    {
        public override bool Contains(ConflictEvent e) => string.Equals(e.Location?.CountryCode, Code, StringComparison.OrdinalIgnoreCase);

        public override string ToString() => Code;
    }

    /// <summary>Events on the border, as the locator or a curator set it.</summary>
    public sealed record Border(BorderPair Pair) : Region
    {
        public override bool Contains(ConflictEvent e) => e.Border?.Pair == Pair;

        public override string ToString() => Pair.ToString();
    }

    /// <summary>
    /// Events within <paramref name="RadiusKm"/> of a gazetteer place. A location without precise coordinates matches when
    /// its place or township has one of the entry's names.
    /// </summary>
    public sealed record Place(GazetteerEntry Entry, double RadiusKm) : Region
    {
        public override bool Contains(ConflictEvent e) => e.Location switch
        {
            null => false,
            { HasPreciseCoordinates: true, Point: { } point } => Geodesy.DistanceKm(point, Entry.Point) <= RadiusKm,
            var imprecise => Entry.HasName(imprecise.Place) || Entry.HasName(imprecise.Admin3),
        };

        public override string ToString() =>
            RadiusKm == DefaultPlaceRadiusKm
                ? Entry.Slug
                : string.Create(CultureInfo.InvariantCulture, $"{Entry.Slug}~{RadiusKm:0.###}km");
    }
}
