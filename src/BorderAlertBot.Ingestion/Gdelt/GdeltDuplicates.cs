namespace BorderAlertBot.Ingestion.Gdelt;

/// <summary>
/// GDELT codes one happening many times (per actor pair, per article). Within one export file, rows of the same day,
/// the same mapped subtype and the same geographic feature are obviously one happening and become one candidate; the
/// merge step folds candidates across files. A country- or ADM1-level match names no feature, only an area, so there
/// the actor codes must match too. The row with the most articles stands for the group.
/// </summary>
internal static class GdeltDuplicates
{
    /// <summary>The groups in the order of their first line, each with its rows (the one standing for it first) and that row's category.</summary>
    public static IReadOnlyList<(IReadOnlyList<GdeltRow> Rows, CameoCategory Category)> Group(IEnumerable<(GdeltRow Row, CameoCategory Category)> candidates) =>
        [.. candidates
            .GroupBy(candidate => (candidate.Row.Day, candidate.Category.Subtype, Feature: FeatureOf(candidate.Row)))
            .Select(group => group
                .OrderByDescending(candidate => candidate.Row.NumArticles)
                .ThenByDescending(candidate => candidate.Row.NumSources)
                .ThenBy(candidate => candidate.Row.GlobalEventId)
                .ToList())
            .OrderBy(members => members.Min(candidate => candidate.Row.Line))
            .Select(members => ((IReadOnlyList<GdeltRow>)[.. members.Select(candidate => candidate.Row)], members[0].Category))];

    private static string FeatureOf(GdeltRow row)
    {
        var geo = row.ActionGeo;
        var actors = $"{row.Actor1?.Code}|{row.Actor2?.Code}";
        return geo.Type switch
        {
            4 or 3 => $"place:{geo.CountryCode}:{(geo.FeatureId.Length > 0 ? geo.FeatureId : geo.FullName)}",
            5 or 2 => $"region:{geo.Adm1Code}:{actors}",
            _ => $"country:{geo.CountryCode}:{actors}",
        };
    }
}
