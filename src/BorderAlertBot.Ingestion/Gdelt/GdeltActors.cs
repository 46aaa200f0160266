using System.Globalization;
using BorderAlertBot.Domain;
using BorderAlertBot.Ingestion.Text;

namespace BorderAlertBot.Ingestion.Gdelt;

/// <summary>
/// A GDELT actor as people would name it: GDELT's upper-case name in title case with its CAMEO type ("MYANMAR" + MIL →
/// "Myanmar military"), and the short form curated events use when the actor is a known group (KIA, Tatmadaw).
/// </summary>
internal static class GdeltActors
{
    private static readonly Dictionary<string, string> TypeNames = new(StringComparer.Ordinal)
    {
        ["MIL"] = "military",
        ["GOV"] = "government",
        ["REB"] = "rebels",
        ["INS"] = "insurgents",
        ["SEP"] = "separatists",
        ["UAF"] = "armed group",
        ["COP"] = "police",
        ["REF"] = "refugees",
        ["CVL"] = "civilians",
        ["BUS"] = "business",
    };

    public static Actor? Of(GdeltActor? actor)
    {
        if (actor is null)
        {
            return null;
        }

        var reported = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(actor.Name.ToLowerInvariant()).Trim();
        var type = TypeNames.GetValueOrDefault(actor.TypeCode);
        var name = (reported, type) switch
        {
            ({ Length: 0 }, null) => actor.Code,
            ({ Length: 0 }, { } typeName) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(typeName),
            (_, { } typeName) when !reported.Contains(typeName.TrimEnd('s'), StringComparison.OrdinalIgnoreCase) => $"{reported} {typeName}",
            _ => reported,
        };
        if (name.Length == 0)
        {
            return null;
        }

        var known = KnownActors.Named(actor.Name) ?? (actor.CountryCode == "MMR" && actor.TypeCode == "MIL" ? KnownActors.Named("Tatmadaw") : null);
        return new Actor(name, known?.ShortName ?? name);
    }
}
