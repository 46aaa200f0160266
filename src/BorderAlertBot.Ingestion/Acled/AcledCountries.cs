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
    /// <remarks>Loops rather than LINQ: every row of an export is asked, and each lambda capturing the row is an allocation.</remarks>
    public static string? TryFind(AcledRow row)
    {
        if (int.TryParse(row.Iso, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var numeric))
        {
            foreach (var country in Known)
            {
                if (country.Numeric == numeric)
                {
                    return country.Alpha2;
                }
            }

            return null;
        }

        if (row.Iso3?.Trim() is { Length: 3 } alpha3)
        {
            foreach (var country in Known)
            {
                if (string.Equals(country.Alpha3, alpha3, StringComparison.OrdinalIgnoreCase))
                {
                    return country.Alpha2;
                }
            }

            return null;
        }

        var name = row.Country?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        foreach (var country in Known)
        {
            foreach (var known in country.Names)
            {
                if (string.Equals(known, name, StringComparison.OrdinalIgnoreCase))
                {
                    return country.Alpha2;
                }
            }
        }

        return null;
    }
}
