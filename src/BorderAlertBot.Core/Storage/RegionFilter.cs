using BorderAlertBot.Domain;

namespace BorderAlertBot.Storage;

/// <summary>A region in a filter: a country, a border pair, or a named place or admin area.</summary>
public abstract record RegionFilter
{
    private RegionFilter()
    {
    }

    public sealed record Country(string Code) : RegionFilter;

    public sealed record Border(BorderPair Pair) : RegionFilter;

    /// <summary>Matches the place or any admin area with this name, ignoring case.</summary>
    public sealed record Named(string Name) : RegionFilter;

    /// <summary>CN-MM → a border; MM → a country; anything else → a name.</summary>
    public static RegionFilter Parse(string text)
    {
        var trimmed = text.Trim();
        if (BorderPair.TryParse(trimmed, out var pair))
        {
            return new Border(pair);
        }

        return trimmed.Length == 2 && trimmed.All(char.IsAsciiLetter)
            ? new Country(trimmed.ToUpperInvariant())
            : new Named(trimmed);
    }
}
