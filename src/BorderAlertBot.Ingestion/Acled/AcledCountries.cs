namespace BorderAlertBot.Ingestion.Acled;

/// <summary>
/// The countries of the borders the bot watches and their neighbours, by ACLED's ISO 3166 numeric code, alpha-3 code
/// (older exports) or name. A row from any other country cannot lie on a watched border: it is out of scope, not an
/// error. More borders come as data (gazetteer and line) and a line here.
/// </summary>
internal static class AcledCountries
{
    private static readonly (string Alpha2, int Numeric, string Alpha3, string[] Names)[] Known =
    [
        ("MM", 104, "MMR", ["Myanmar", "Burma"]),
        ("CN", 156, "CHN", ["China"]),
        ("TH", 764, "THA", ["Thailand"]),
        ("IN", 356, "IND", ["India"]),
        ("LA", 418, "LAO", ["Laos", "Lao PDR"]),
        ("BD", 50, "BGD", ["Bangladesh"]),
        ("VN", 704, "VNM", ["Vietnam", "Viet Nam"]),
        ("NP", 524, "NPL", ["Nepal"]),
        ("BT", 64, "BTN", ["Bhutan"]),
        ("KH", 116, "KHM", ["Cambodia"]),
    ];

    /// <summary>The ISO alpha-2 code of the row's country, or null when it is none of ours.</summary>
    public static string? TryFind(AcledRow row)
    {
        if (int.TryParse(row.Iso, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var numeric))
        {
            return Known.FirstOrDefault(country => country.Numeric == numeric).Alpha2;
        }

        if (row.Iso3?.Trim() is { Length: 3 } alpha3)
        {
            return Known.FirstOrDefault(country => string.Equals(country.Alpha3, alpha3, StringComparison.OrdinalIgnoreCase)).Alpha2;
        }

        var name = row.Country?.Trim();
        return string.IsNullOrEmpty(name)
            ? null
            : Known.FirstOrDefault(country => country.Names.Contains(name, StringComparer.OrdinalIgnoreCase)).Alpha2;
    }
}
