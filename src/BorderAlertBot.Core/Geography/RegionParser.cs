using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Geography;

/// <summary>
/// Reads a region as people type it: <c>MM</c>, <c>CN-MM</c> (either order, any case), a gazetteer slug, name or alias
/// (<c>muse</c>, <c>Chin Shwe Haw</c>), or a place with a radius (<c>laiza~25km</c>). Errors are one short sentence that
/// says what would work.
/// </summary>
public static class RegionParser
{
    public const double MinRadiusKm = 0.1;
    public const double MaxRadiusKm = 500;

    private const string Forms = "a country code (MM), a border (CN-MM), a place (muse) or a place with a radius (laiza~25km)";

    public static bool TryParse(string text, Gazetteer gazetteer, [NotNullWhen(true)] out Region? region, [NotNullWhen(false)] out string? error)
    {
        region = null;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            error = $"Give a region: {Forms}.";
            return false;
        }

        var tilde = trimmed.IndexOf('~', StringComparison.Ordinal);
        var name = (tilde < 0 ? trimmed : trimmed[..tilde]).Trim();
        if (tilde >= 0)
        {
            return TryParsePlaceWithRadius(trimmed, name, trimmed[(tilde + 1)..], gazetteer, out region, out error);
        }

        // A place wins over a code-shaped reading: "mu-se" is Muse, not the Mauritius–Sweden border.
        if (gazetteer.TryFind(name) is not null)
        {
            return TryParsePlace(name, gazetteer, Region.DefaultPlaceRadiusKm, out region, out error);
        }

        if (name.Length == 5 && name[2] == '-' && IsLetters(name[..2]) && IsLetters(name[3..]))
        {
            return TryParseBorder(name, out region, out error);
        }

        if (name.Length == 2 && IsLetters(name))
        {
            var code = name.ToUpperInvariant();
            region = CountryCodes.IsAssigned(code) ? new Region.Country(code) : null;
            error = region is null ? $"'{name}' is not an ISO 3166-1 country code (such as MM, CN or TH)." : null;
            return region is not null;
        }

        return TryParsePlace(name, gazetteer, Region.DefaultPlaceRadiusKm, out region, out error);
    }

    private static bool TryParseBorder(string name, [NotNullWhen(true)] out Region? region, [NotNullWhen(false)] out string? error)
    {
        region = null;
        var codes = new[] { name[..2].ToUpperInvariant(), name[3..].ToUpperInvariant() };
        if (codes.FirstOrDefault(code => !CountryCodes.IsAssigned(code)) is { } unknown)
        {
            error = $"'{name}': {unknown} is not an ISO 3166-1 country code (a border is two codes, such as CN-MM).";
            return false;
        }

        if (!BorderPair.TryParse(name, out var pair))
        {
            error = $"'{name}' is not a border: it needs two different countries, such as CN-MM.";
            return false;
        }

        region = new Region.Border(pair);
        error = null;
        return true;
    }

    private static bool TryParsePlaceWithRadius(
        string text, string name, string radiusText, Gazetteer gazetteer, [NotNullWhen(true)] out Region? region, [NotNullWhen(false)] out string? error)
    {
        region = null;
        if (!TryParseRadius(radiusText, out var radiusKm))
        {
            error = $"'{text}': write the radius as kilometres after the place, such as laiza~25km.";
            return false;
        }

        if (radiusKm is < MinRadiusKm or > MaxRadiusKm)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"'{text}': the radius must be between {MinRadiusKm} and {MaxRadiusKm} km.");
            return false;
        }

        if (gazetteer.TryFind(name) is null && ((name.Length == 5 && name[2] == '-') || name.Length == 2) && IsLetters(name.Replace("-", string.Empty, StringComparison.Ordinal)))
        {
            error = $"'{text}': a radius goes with a place, not a country or border, such as laiza~25km.";
            return false;
        }

        return TryParsePlace(name, gazetteer, radiusKm, out region, out error);
    }

    private static bool TryParsePlace(string name, Gazetteer gazetteer, double radiusKm, [NotNullWhen(true)] out Region? region, [NotNullWhen(false)] out string? error)
    {
        if (gazetteer.TryFind(name) is { } entry)
        {
            region = new Region.Place(entry, radiusKm);
            error = null;
            return true;
        }

        region = null;
        var suggestions = gazetteer.Suggest(name, 3);
        error = suggestions.Count == 0
            ? $"'{name}' is not a place I know. Try {Forms}."
            : $"'{name}' is not a place I know. Did you mean {JoinAlternatives(suggestions)}?";
        return false;
    }

    // "25km", "2.5 km", "25KM"; the unit is required so that a bare number is never misread.
    private static bool TryParseRadius(string text, out double radiusKm)
    {
        radiusKm = 0;
        var trimmed = text.Trim();
        if (!trimmed.EndsWith("km", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var number = trimmed[..^2].TrimEnd();
        return number.Length > 0
            && char.IsAsciiDigit(number[0])
            && double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out radiusKm);
    }

    private static string JoinAlternatives(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}";

    private static bool IsLetters(string text) => text.All(char.IsAsciiLetter);
}
