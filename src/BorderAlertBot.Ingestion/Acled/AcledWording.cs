using System.Text.RegularExpressions;
using BorderAlertBot.Geography;

namespace BorderAlertBot.Ingestion.Acled;

/// <summary>
/// What the notes of a strategic-development row say, for the kinds ACLED has no type of its own for: ceasefires and
/// talks (in <c>Agreement</c> rows) and trade disruption at a crossing (data-sources.md §1.3, §4.3). Trade-gate wording is
/// the keyword list of §4.3 plus every crossing's names and aliases in the gazetteer.
/// </summary>
internal static partial class AcledWording
{
    private static readonly string[] TradeKeywords =
    [
        "Chinshwehaw", "Chin Shwe Haw", "Qingshuihe", "105[- ]mile", "Kyin San Kyawt", "Jin San Jiao", "Kyugok", "Pang Hseng",
        "Wanding", "Ruili", "Nansan", "border gates?", "border trade", "trade gates?", "trade zone",
    ];

    private static readonly Lazy<Regex> TradeGatePattern = new(() => BuildTradeGatePattern(Gazetteer.Bundled));

    public static bool MentionsCeasefire(string notes) => Ceasefire().IsMatch(notes);

    public static bool MentionsTalks(string notes) => Talks().IsMatch(notes);

    public static bool MentionsTradeGate(string notes) => TradeGatePattern.Value.IsMatch(notes);

    public static bool SaysBroken(string notes) => Broken().IsMatch(notes);

    public static bool SaysReopened(string notes) => Reopened().IsMatch(notes);

    public static bool SaysClosed(string notes) => Closed().IsMatch(notes);

    public static bool SaysBlocked(string notes) => Blocked().IsMatch(notes);

    public static bool SaysCargoDestroyed(string notes) => Cargo().IsMatch(notes) && Destroyed().IsMatch(notes);

    internal static Regex BuildTradeGatePattern(Gazetteer gazetteer)
    {
        var crossings = gazetteer.Entries.Where(entry => entry.IsCrossing).SelectMany(entry => entry.Names.Skip(1)).Select(Regex.Escape);
        var alternatives = string.Join("|", TradeKeywords.Concat(crossings).Distinct(StringComparer.OrdinalIgnoreCase));
        return new Regex($@"\b(?:{alternatives})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));
    }

    [GeneratedRegex(@"\b(?:cease-?\s?fires?|truces?|armistice)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Ceasefire();

    [GeneratedRegex(@"\b(?:talks|negotiat\w*|peace (?:process|meeting)s?|dialogue)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Talks();

    [GeneratedRegex(@"\b(?:violat\w*|broke|broken|breach\w*|collaps\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Broken();

    [GeneratedRegex(@"\b(?:re-?open\w*|resum\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Reopened();

    [GeneratedRegex(@"\b(?:clos(?:e|ed|es|ing|ure)|shut\w*|suspend\w*|halt\w*|seal\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Closed();

    [GeneratedRegex(@"\b(?:block\w*|blockad\w*|cut off|obstruct\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Blocked();

    [GeneratedRegex(@"\b(?:trucks?|lorr(?:y|ies)|cargo|goods|vehicles?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Cargo();

    [GeneratedRegex(@"\b(?:burn\w*|burnt|destroy\w*|set (?:on )?fire|torch\w*|loot\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Destroyed();
}
