using System.Diagnostics.CodeAnalysis;
using BorderAlertBot.Domain;
using BorderAlertBot.Geography;

namespace BorderAlertBot.Commands;

/// <summary>
/// A region option, read by <see cref="RegionParser"/>, with "did you mean" for places and for country names
/// (<c>myanmar-china</c> suggests CN-MM).
/// </summary>
internal static class RegionText
{
    private const int MaxSuggestedLength = 100;

    private const string Forms = "a country (MM), a border (CN-MM), a place (muse) or a place with a radius (laiza~25km)";

    private static readonly Dictionary<string, string> CountryNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["myanmar"] = "MM",
        ["burma"] = "MM",
        ["china"] = "CN",
        ["thailand"] = "TH",
        ["laos"] = "LA",
        ["india"] = "IN",
        ["bangladesh"] = "BD",
    };

    public static bool TryRead(string option, string text, Gazetteer gazetteer, [NotNullWhen(true)] out Region? region, [NotNullWhen(false)] out CommandError? error)
    {
        region = null;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            error = new CommandError(option, $"{option}: no value given; use {Forms}");
            return false;
        }

        string? parserError = null;
        if (trimmed.Length <= CommandInput.MaxLength && RegionParser.TryParse(trimmed, gazetteer, out region, out parserError))
        {
            error = null;
            return true;
        }

        if (Suggest(trimmed, gazetteer) is { } suggestion)
        {
            error = new CommandError(option, $"{option}: {Shown.Quoted(trimmed)} is not a region; did you mean {suggestion}?", suggestion);
        }
        else if (parserError is not null && trimmed.Length <= Shown.MaxLength && (IsCodeShaped(NameOf(trimmed)) || trimmed.Contains('~', StringComparison.Ordinal)))
        {
            // The parser says exactly what is wrong with a code or a radius ("'CN-XQ': XQ is not an ISO 3166-1 country code …"),
            // quoting all of it, so only for short text.
            error = new CommandError(option, $"{option}: {parserError.TrimEnd('.')}");
        }
        else
        {
            error = new CommandError(option, $"{option}: {Shown.Quoted(trimmed)} is not a region; use {Forms}");
        }

        return false;
    }

    public static bool IsRegion(string text, Gazetteer gazetteer) =>
        text.Trim() is { Length: > 0 and <= CommandInput.MaxLength } trimmed && RegionParser.TryParse(trimmed, gazetteer, out _, out _);

    /// <summary>A region close to <paramref name="text"/>: a country or border for country names, else a gazetteer place; or null.</summary>
    public static string? Suggest(string text, Gazetteer gazetteer)
    {
        if (text.Length > MaxSuggestedLength)
        {
            return null;
        }

        var words = LetterWords(text);
        if (words.Count is 1 or 2 && words.All(CountryNames.ContainsKey))
        {
            var codes = words.Select(word => CountryNames[word]).Distinct(StringComparer.Ordinal).ToList();
            return codes.Count == 1 ? codes[0] : BorderPair.Of(codes[0], codes[1]).ToString();
        }

        var name = NameOf(text);
        if (IsCodeShaped(name))
        {
            return null;
        }

        var radius = text[name.Length..].Trim();
        foreach (var slug in gazetteer.Suggest(name, 1))
        {
            var candidate = slug + radius;
            if (RegionParser.TryParse(candidate, gazetteer, out _, out _))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string NameOf(string text)
    {
        var tilde = text.IndexOf('~', StringComparison.Ordinal);
        return (tilde < 0 ? text : text[..tilde]).TrimEnd();
    }

    // MM, CN-MM: the forms RegionParser reads as codes when no place has that name.
    private static bool IsCodeShaped(string name) =>
        (name.Length == 2 && name.All(char.IsAsciiLetter))
        || (name.Length == 5 && name[2] == '-' && name[..2].All(char.IsAsciiLetter) && name[3..].All(char.IsAsciiLetter));

    private static List<string> LetterWords(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || !char.IsLetter(text[i]))
            {
                if (start >= 0)
                {
                    words.Add(text[start..i]);
                    start = -1;
                }
            }
            else if (start < 0)
            {
                start = i;
            }
        }

        return words;
    }
}
