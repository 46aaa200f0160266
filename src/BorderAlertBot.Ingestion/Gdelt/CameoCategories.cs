using BorderAlertBot.Domain;

namespace BorderAlertBot.Ingestion.Gdelt;

/// <summary>
/// CAMEO event codes mapped to the bot's three kinds (data-sources.md §2.3), labels from GDELT's own lookup file. Codes
/// stay text ("0871"): the leading zero is part of the code. A four-digit code not listed falls back to its three-digit
/// parent when that is listed (0875 → 087). Left out on purpose: threats (138x, 1312), assaults and mass violence (18x,
/// 20x), reduced relations and aid (160–162, 1621), generic appeals (02, 020) and appeals or demands to ease sanctions
/// (0254, 1054): none of them is a clash, a ceasefire step or a trade disruption in itself.
/// </summary>
internal static class CameoCategories
{
    private static readonly Dictionary<string, CameoCategory> ByCode = new CameoCategory[]
    {
        // Armed clash.
        new("19", EventSubtype.ArmedClash, "Fight"),
        new("190", EventSubtype.ArmedClash, "Use conventional military force"),
        new("192", EventSubtype.TerritorySeized, "Occupy territory"),
        new("193", EventSubtype.ArmedClash, "Fight with small arms and light weapons"),
        new("194", EventSubtype.Shelling, "Fight with artillery and tanks"),
        new("195", EventSubtype.AirStrike, "Employ aerial weapons"),
        new("1951", EventSubtype.AirStrike, "Employ precision-guided aerial munitions"),
        new("1952", EventSubtype.AirStrike, "Employ remotely piloted aerial munitions"),
        new("196", EventSubtype.CeasefireViolation, "Violate ceasefire"),

        // Ceasefire declared or agreed.
        new("087", EventSubtype.CeasefireAgreed, "De-escalate military engagement"),
        new("0871", EventSubtype.CeasefireAgreed, "Declare truce, ceasefire"),
        new("0872", EventSubtype.CeasefireAgreed, "Ease military blockade"),
        new("0873", EventSubtype.CeasefireAgreed, "Demobilize armed forces"),
        new("0874", EventSubtype.CeasefireAgreed, "Retreat or surrender militarily"),
        new("057", EventSubtype.TalksHeld, "Sign formal agreement"),

        // Ceasefire called for (GDELT numbers 107 "Demand ceasefire"; the 1.1b3 codebook numbers it differently).
        new("0256", EventSubtype.CeasefireCalled, "Appeal for de-escalation of military engagement"),
        new("0356", EventSubtype.CeasefireCalled, "Express intent to de-escalate military engagement"),
        new("026", EventSubtype.CeasefireCalled, "Appeal to others to meet or negotiate"),
        new("027", EventSubtype.CeasefireCalled, "Appeal to others to settle dispute"),
        new("028", EventSubtype.CeasefireCalled, "Appeal to others to engage in or accept mediation"),
        new("106", EventSubtype.CeasefireCalled, "Demand withdrawal"),
        new("107", EventSubtype.CeasefireCalled, "Demand ceasefire"),
        new("1056", EventSubtype.CeasefireCalled, "Demand de-escalation of military engagement"),

        // Trade disruption (and its end).
        new("163", EventSubtype.SanctionImposed, "Impose embargo, boycott, or sanctions"),
        new("191", EventSubtype.RouteBlocked, "Impose blockade, restrict movement"),
        new("144", EventSubtype.RouteBlocked, "Obstruct passage, block"),
        new("1711", EventSubtype.CargoDestroyed, "Confiscate property"),
        new("1712", EventSubtype.CargoDestroyed, "Destroy property"),
        new("085", EventSubtype.CrossingReopened, "Ease economic sanctions, boycott, embargo"),
    }.ToDictionary(category => category.Code, StringComparer.Ordinal);

    /// <summary>Every mapped code, for the README table and its test.</summary>
    public static IEnumerable<CameoCategory> All => ByCode.Values;

    /// <summary>The category of a CAMEO code, or null when the code is none of ours.</summary>
    public static CameoCategory? Find(string code)
    {
        if (ByCode.TryGetValue(code, out var category))
        {
            return category;
        }

        return code.Length == 4 && ByCode.TryGetValue(code[..3], out var parent) ? parent with { Code = code } : null;
    }
}
