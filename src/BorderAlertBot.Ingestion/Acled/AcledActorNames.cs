using System.Text.RegularExpressions;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Ingestion.Acled;

/// <summary>
/// Short forms of ACLED's actor names: the armed wing of <c>MNTJP/MNDAA: …</c> (<see cref="ActorNames"/>), and readable
/// names for ACLED's state and generic actors: <c>Military Forces of Myanmar (2021-)</c> → <c>Myanmar military</c>,
/// <c>… (2021-) Border Guard Force</c> → <c>Myanmar military (Border Guard Force)</c>, <c>Civilians (Myanmar)</c> → <c>Civilians</c>.
/// </summary>
internal static partial class AcledActorNames
{
    // Rows repeat a few hundred actor names over and over: each is worked out once (up to a bound, for hostile files).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Known = new(StringComparer.Ordinal);

    public static string ShortFormOf(string name)
    {
        if (Known.TryGetValue(name, out var known))
        {
            return known;
        }

        var shortForm = Compute(name);
        if (Known.Count < 10_000)
        {
            Known.TryAdd(name, shortForm);
        }

        return shortForm;
    }

    private static string Compute(string name)
    {
        var match = StateForces().Match(name);
        if (match.Success)
        {
            var force = match.Groups["force"].Value.Equals("Military", StringComparison.OrdinalIgnoreCase) ? "military" : "police";
            var unit = match.Groups["unit"].Value.Trim();
            var shortName = $"{match.Groups["country"].Value.Trim()} {force}";
            return unit.Length == 0 ? shortName : $"{shortName} ({unit})";
        }

        var generic = Generic().Match(name);
        return generic.Success ? generic.Groups["who"].Value.Trim() : ActorNames.ShortFormOf(name);
    }

    [GeneratedRegex(@"^\s*(?<force>Military|Police) Forces of (?<country>[^(]+?)\s*(?:\([^)]*\))?(?<unit>[^()]*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StateForces();

    [GeneratedRegex(@"^\s*(?<who>Civilians|Protesters|Rioters|Unidentified Armed Group|Unidentified Military Forces)\s*\([^)]*\)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Generic();
}
