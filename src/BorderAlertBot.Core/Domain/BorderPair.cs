using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace BorderAlertBot.Domain;

/// <summary>A land border between two countries, order-free: <c>CN-MM</c> equals <c>MM-CN</c>.</summary>
[JsonConverter(typeof(Serialization.BorderPairJsonConverter))]
public readonly record struct BorderPair
{
    private BorderPair(string first, string second)
    {
        First = first;
        Second = second;
    }

    /// <summary>The alphabetically first ISO 3166-1 alpha-2 code.</summary>
    public string First { get; }

    public string Second { get; }

    public static BorderPair Of(string a, string b) =>
        string.CompareOrdinal(a, b) <= 0 ? new BorderPair(a, b) : new BorderPair(b, a);

    public static BorderPair Parse(string value) =>
        TryParse(value, out var pair)
            ? pair
            : throw new FormatException($"'{value}' is not a border pair: expected two country codes such as CN-MM.");

    public static bool TryParse([NotNullWhen(true)] string? value, out BorderPair pair)
    {
        pair = default;
        if (value is not { Length: 5 } || value[2] != '-')
        {
            return false;
        }

        var a = value[..2].ToUpperInvariant();
        var b = value[3..].ToUpperInvariant();
        if (!IsCountryCode(a) || !IsCountryCode(b) || a == b)
        {
            return false;
        }

        pair = Of(a, b);
        return true;
    }

    public bool Includes(string countryCode) =>
        string.Equals(First, countryCode, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Second, countryCode, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => First is null ? string.Empty : $"{First}-{Second}";

    private static bool IsCountryCode(string code) => code.Length == 2 && code.All(char.IsAsciiLetterUpper);
}
