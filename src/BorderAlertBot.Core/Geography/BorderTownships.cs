using BorderAlertBot.Domain;

namespace BorderAlertBot.Geography;

/// <summary>
/// The admin fallback of data-sources.md §4.2: Myanmar townships (admin3) on the China border, for locations known only
/// to the township. From general knowledge and ACLED township counts, unverified; to be replaced by intersecting a
/// township layer with the line.
/// </summary>
internal static class BorderTownships
{
    private static readonly BorderPair ChinaMyanmar = BorderPair.Of("CN", "MM");

    // Spellings differ between sources (ACLED Laukkaing, news Laukkai, MIMU Mu Se), so a few aliases are listed too;
    // names are compared ignoring case, spaces and hyphens.
    private static readonly Dictionary<string, BorderPair> Myanmar = new[]
        {
            // Shan-North, with Monekoe and Pang Hseng (sub-townships of Muse) and Chinshwehaw (in Laukkaing).
            "Muse", "Namhkan", "Namkham", "Laukkaing", "Laukkai", "Konkyan", "Kunlong",

            // The Wa townships.
            "Hopang", "Mongmao", "Mong Mao", "Pangwaun", "Pangsang", "Pangkham",

            // Shan-East.
            "Mongla", "Mong La",

            // Kachin.
            "Waingmaw", "Momauk", "Mansi", "Chipwi", "Tsawlaw", "Injangyang", "Nawngmun", "Khaunglanhpu",
        }
        .Select(PlaceNameKey.Of)
        .Distinct()
        .ToDictionary(key => key, _ => ChinaMyanmar, StringComparer.Ordinal);

    /// <summary>The border that the location's township lies on, or null.</summary>
    public static BorderPair? TryFind(Location location) =>
        string.Equals(location.CountryCode, "MM", StringComparison.OrdinalIgnoreCase)
        && location.Admin3 is { } admin3
        && Myanmar.TryGetValue(PlaceNameKey.Of(admin3), out var pair)
            ? pair
            : null;
}
