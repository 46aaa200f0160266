using BorderAlertBot.Domain;

namespace BorderAlertBot.Geography;

/// <summary>A place in the gazetteer: how to name it, where it is, and whether it is a border-trade crossing or gate.</summary>
/// <param name="Slug">Lower-case ASCII, how filters and commands name the place (<c>chinshwehaw</c>, <c>105-mile</c>).</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2.</param>
public sealed record GazetteerEntry(
    string Slug,
    string Name,
    IReadOnlyList<string> Aliases,
    string CountryCode,
    string? Admin1,
    string? Admin3,
    GeoPoint Point,
    bool IsCrossing)
{
    /// <summary>The point stands in for the place rather than marking it (Kyin San Kyawt uses the 105-mile zone point).</summary>
    public bool IsApproximate { get; init; }

    /// <summary>The place as an event's location, placed with <paramref name="precision"/>.</summary>
    public Location ToLocation(LocationPrecision precision) => new(CountryCode, Admin1, null, Admin3, Name, Point, precision);

    /// <summary>The slug, the name and every alias.</summary>
    public IEnumerable<string> Names => [Slug, Name, .. Aliases];

    /// <summary>Whether <paramref name="name"/> is the slug, the name or an alias, ignoring case, accents, spaces and hyphens.</summary>
    public bool HasName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        var key = PlaceNameKey.Of(name);
        return key.Length > 0 && Names.Any(candidate => PlaceNameKey.Of(candidate) == key);
    }
}
