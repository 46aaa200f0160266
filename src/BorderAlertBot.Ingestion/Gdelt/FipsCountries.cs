namespace BorderAlertBot.Ingestion.Gdelt;

/// <summary>
/// GDELT writes places in FIPS 10-4 and actors in CAMEO (ISO-3) codes, while our events use ISO 3166-1 alpha-2: the
/// countries of the Myanmar–China border and their neighbours, in all three (data-sources.md §2.2). FIPS and ISO differ
/// where it matters: Myanmar is BM (ISO MM), China CH (ISO CN; ISO CH is Switzerland).
/// </summary>
internal static class FipsCountries
{
    private static readonly Dictionary<string, FipsCountry> ByFips = new FipsCountry[]
    {
        new("BM", "MM", "MMR", "Myanmar"),
        new("CH", "CN", "CHN", "China"),
        new("TH", "TH", "THA", "Thailand"),
        new("IN", "IN", "IND", "India"),
        new("LA", "LA", "LAO", "Laos"),
        new("BG", "BD", "BGD", "Bangladesh"),
        new("VM", "VN", "VNM", "Vietnam"),
        new("NP", "NP", "NPL", "Nepal"),
        new("BT", "BT", "BTN", "Bhutan"),
    }.ToDictionary(country => country.Fips, StringComparer.Ordinal);

    public static IEnumerable<string> Known => ByFips.Keys;

    public static FipsCountry? TryFind(string? fips) => fips is null ? null : ByFips.GetValueOrDefault(fips);
}

/// <summary>One country in FIPS 10-4, ISO 3166-1 alpha-2 and CAMEO codes.</summary>
internal sealed record FipsCountry(string Fips, string Iso, string Cameo, string Name);
