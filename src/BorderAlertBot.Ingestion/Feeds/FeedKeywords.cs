using System.Text.RegularExpressions;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Ingestion.Feeds;

/// <summary>
/// The words that give a feed item its kind and subtype, as an ordered table: the first rule that matches wins, so the
/// specific come before the general (a ceasefire violation before a clash, burned trucks before a drone attack, a call
/// for a ceasefire before the fighting it is about). Trade needs a disruption word next to a trade word (a gate, a
/// crossing, border trade, trucks, a checkpoint): "border trade rose 5 %" is not a disruption.
/// </summary>
internal static partial class FeedKeywords
{
    public static IReadOnlyList<(EventSubtype Subtype, Regex Pattern)> Rules { get; } =
    [
        (EventSubtype.CeasefireViolation, CeasefireViolation()),
        (EventSubtype.CeasefireBroken, CeasefireBroken()),
        (EventSubtype.CeasefireAgreed, CeasefireAgreed()),
        (EventSubtype.CeasefireCalled, CeasefireCalled()),
        (EventSubtype.TalksHeld, Talks()),
        (EventSubtype.CargoDestroyed, CargoDestroyed()),
        (EventSubtype.CrossingReopened, CrossingReopened()),
        (EventSubtype.CrossingClosed, CrossingClosed()),
        (EventSubtype.RouteBlocked, RouteBlocked()),
        (EventSubtype.SanctionImposed, Sanctions()),
        (EventSubtype.TerritorySeized, TerritorySeized()),
        (EventSubtype.AirStrike, AirStrike()),
        (EventSubtype.Shelling, Shelling()),
        (EventSubtype.ArmedClash, Fighting()),
        (EventSubtype.CeasefireCalled, Ceasefire()),
    ];

    /// <summary>The subtype the first matching rule gives, or null when no rule matches.</summary>
    public static EventSubtype? Match(string text) =>
        Rules.FirstOrDefault(rule => rule.Pattern.IsMatch(text)) is { Pattern: not null } rule ? rule.Subtype : null;

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;
    private const string Truce = @"(?:cease-?fire|truce)";
    private const string TradeWord = @"(?:border gates?|gates?|crossings?|border trade|trade|trucks?|checkpoints?|border posts?|Chinshwehaw|Chin Shwe Haw|Qingshuihe|105[- ]mile|Kyin San Kyawt|Jin San Jiao|Kyugok|Pang Hseng|Wanding|Ruili|Nansan)";

    [GeneratedRegex(@"\b(?:violat\w*|breach\w*|break\w*|broke)\b[^.]{0,40}\b" + Truce + @"\b|\b" + Truce + @"\s+(?:violations?|breach\w*)\b", Options)]
    private static partial Regex CeasefireViolation();

    [GeneratedRegex(@"\b" + Truce + @"\b[^.]{0,30}\b(?:collaps\w*|broke down|breaks down|ended|ends|is over)\b", Options)]
    private static partial Regex CeasefireBroken();

    [GeneratedRegex(@"\b(?:agree\w*|sign\w*|reach\w*|declare\w*|announce\w*|brokered|seal\w*)\b[^.]{0,40}\b" + Truce + @"\b|\b" + Truce + @"\s+(?:agreements?|deals?|pacts?)\b|\bpeace deal\b", Options)]
    private static partial Regex CeasefireAgreed();

    [GeneratedRegex(@"\b(?:call\w*|urg\w*|appeal\w*|demand\w*|press\w*)\b[^.]{0,40}\b(?:" + Truce + @"|de-?escalat\w*|restraint)\b", Options)]
    private static partial Regex CeasefireCalled();

    [GeneratedRegex(@"\b(?:peace\s+talks|talks|negotiations?|mediat\w*)\b", Options)]
    private static partial Regex Talks();

    [GeneratedRegex(@"\b(?:trucks?|cargo|lorr(?:y|ies))\b[^.]{0,40}\b(?:burn\w*|destroy\w*|torch\w*|set on fire|set ablaze|looted)\b|\b(?:burn\w*|destroy\w*|torch\w*)\b[^.]{0,40}\b(?:trucks?|cargo|lorr(?:y|ies))\b", Options)]
    private static partial Regex CargoDestroyed();

    [GeneratedRegex(@"\b(?:reopen\w*|re-open\w*|resum\w*)\b[^.]{0,40}\b" + TradeWord + @"|\b" + TradeWord + @"[^.]{0,40}\b(?:reopen\w*|re-open\w*|resum\w*)\b", Options)]
    private static partial Regex CrossingReopened();

    [GeneratedRegex(@"\b(?:closed|closes|closure|shut\w*|halt\w*|suspend\w*|seal\w*)\b[^.]{0,40}\b" + TradeWord + @"|\b" + TradeWord + @"[^.]{0,40}\b(?:closed|closes|closure|shut\w*|halt\w*|suspend\w*|sealed)\b", Options)]
    private static partial Regex CrossingClosed();

    [GeneratedRegex(@"\b(?:block\w*|blockade\w*|cut off)\b[^.]{0,40}\b(?:roads?|highways?|routes?|bridges?|trucks?)\b|\b(?:roads?|highways?|routes?)\b[^.]{0,30}\b(?:blocked|cut off)\b", Options)]
    private static partial Regex RouteBlocked();

    [GeneratedRegex(@"\b(?:sanction\w*|embargo\w*)\b", Options)]
    private static partial Regex Sanctions();

    [GeneratedRegex(@"\b(?:seiz\w*|captur\w*|overr[au]n|took control|taken control|takes control|fell to|falls to|surrender\w*)\b", Options)]
    private static partial Regex TerritorySeized();

    [GeneratedRegex(@"\b(?:air\s*strikes?|airstrikes?|air raids?|air attacks?|bomb\w*|drones?)\b", Options)]
    private static partial Regex AirStrike();

    [GeneratedRegex(@"\b(?:shell\w*|artillery|mortars?)\b", Options)]
    private static partial Regex Shelling();

    [GeneratedRegex(@"\b(?:fighting|fights?|fought|clash\w*|battles?|attack\w*|offensive|gunfire|firefights?|skirmish\w*)\b", Options)]
    private static partial Regex Fighting();

    [GeneratedRegex(@"\b(?:" + Truce + @"|peace process)\b", Options)]
    private static partial Regex Ceasefire();
}
