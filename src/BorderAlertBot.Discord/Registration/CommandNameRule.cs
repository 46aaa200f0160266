using System.Text;

namespace BorderAlertBot.Discord.Registration;

/// <summary>
/// Discord's rule for CHAT_INPUT command and option names (platforms/discord.md §2):
/// <c>^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$</c>, in lowercase wherever a lowercase form exists. Checked rune by
/// rune rather than with <see cref="System.Text.RegularExpressions.Regex"/>, which has no <c>\p{sc=…}</c> and matches
/// letters outside the BMP only as surrogates; lengths are in code points (§7.8).
/// </summary>
internal static class CommandNameRule
{
    public const int MaxLength = 32;

    /// <summary>The characters of the name that the pattern does not allow, each once, in order.</summary>
    public static IReadOnlyList<Rune> DisallowedRunes(string name) => [.. name.EnumerateRunes().Where(rune => !IsAllowed(rune)).Distinct()];

    /// <summary>The characters of the name that have a lowercase form they are not in.</summary>
    public static IReadOnlyList<Rune> UpperRunes(string name) => [.. name.EnumerateRunes().Where(rune => Rune.ToLowerInvariant(rune) != rune).Distinct()];

    private static bool IsAllowed(Rune rune) =>
        rune.Value is '-' or '_' or '\''
        || Rune.IsLetter(rune)
        || Rune.IsNumber(rune)
        || IsDevanagari(rune.Value)
        || IsThai(rune.Value);

    // Script=Devanagari in Unicode 15 Scripts.txt: the marks and signs \p{L} and \p{N} leave out.
    private static bool IsDevanagari(int value) =>
        value is (>= 0x0900 and <= 0x0950) or (>= 0x0955 and <= 0x0963) or (>= 0x0966 and <= 0x097F) or (>= 0xA8E0 and <= 0xA8FF)
            or (>= 0x11B00 and <= 0x11B09);

    // Script=Thai in Unicode 15 Scripts.txt.
    private static bool IsThai(int value) => value is (>= 0x0E01 and <= 0x0E3A) or (>= 0x0E40 and <= 0x0E5B);
}
