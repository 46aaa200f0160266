using System.Text.RegularExpressions;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Ingestion.Text;

/// <summary>
/// The armed groups and forces of the Myanmar–China border that machine sources name (data-sources.md §1.4), with the
/// short forms the curated events use, so a feed item or a GDELT row names "MNDAA" as a curator would. Acronyms match
/// only in capitals ("AA", not "aa"); full names in any case.
/// </summary>
internal static partial class KnownActors
{
    private static readonly (Actor Actor, Regex Pattern)[] Groups =
    [
        (new Actor("Myanmar National Democratic Alliance Army", "MNDAA"), MndaaPattern()),
        (new Actor("Ta'ang National Liberation Army", "TNLA"), TnlaPattern()),
        (new Actor("Arakan Army", "AA"), ArakanArmyPattern()),
        (new Actor("Kachin Independence Army", "KIA"), KiaPattern()),
        (new Actor("United Wa State Army", "UWSA"), UwsaPattern()),
        (new Actor("People's Defence Force", "PDF"), PdfPattern()),
        (new Actor("Three Brotherhood Alliance", "3BHA"), BrotherhoodPattern()),
        (new Actor("Myanmar military", "Tatmadaw"), TatmadawPattern()),
    ];

    /// <summary>The known actors <paramref name="text"/> names, in the order it first names them.</summary>
    public static IReadOnlyList<Actor> In(string text) =>
        [.. Groups
            .Select(group => (group.Actor, Match: group.Pattern.Match(text)))
            .Where(found => found.Match.Success)
            .OrderBy(found => found.Match.Index)
            .Select(found => found.Actor)];

    /// <summary>The known actor that a whole name stands for ("KACHIN INDEPENDENCE ARMY"), or null.</summary>
    public static Actor? Named(string name) =>
        Groups.FirstOrDefault(group => group.Pattern.Match(name) is { Success: true } match && match.Length >= name.Trim().Length - 1).Actor;

    [GeneratedRegex(@"\bMNDAA\b|(?i:\bMyanmar National Democratic Alliance Army\b|\bKokang (?:army|rebels)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex MndaaPattern();

    [GeneratedRegex(@"\bTNLA\b|(?i:\bTa['’]?ang National Liberation Army\b)", RegexOptions.CultureInvariant)]
    private static partial Regex TnlaPattern();

    [GeneratedRegex(@"\bAA\b|(?i:\bArakan Army\b)", RegexOptions.CultureInvariant)]
    private static partial Regex ArakanArmyPattern();

    [GeneratedRegex(@"\bKIA\b|(?i:\bKachin Independence Army\b)", RegexOptions.CultureInvariant)]
    private static partial Regex KiaPattern();

    [GeneratedRegex(@"\bUWSA\b|(?i:\bUnited Wa State Army\b)", RegexOptions.CultureInvariant)]
    private static partial Regex UwsaPattern();

    [GeneratedRegex(@"\bPDFs?\b|(?i:\bPeople['’]?s Defen[cs]e Forces?\b)", RegexOptions.CultureInvariant)]
    private static partial Regex PdfPattern();

    [GeneratedRegex(@"(?i:\b(?:Three )?Brotherhood Alliance\b)|\b3BHA\b", RegexOptions.CultureInvariant)]
    private static partial Regex BrotherhoodPattern();

    [GeneratedRegex(@"\bSAC\b|(?i:\bTatmadaw\b|\bjunta\b|\bMyanmar (?:military|army)\b|\bregime (?:troops|forces|soldiers)\b|\bState Administration Council\b)", RegexOptions.CultureInvariant)]
    private static partial Regex TatmadawPattern();
}
