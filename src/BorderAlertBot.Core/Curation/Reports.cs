using BorderAlertBot.Domain;

namespace BorderAlertBot.Curation;

/// <summary>
/// Folding one report of a happening into the event that already stands for it: the event keeps its own account (title,
/// summary, place, status) and gains the report's sources, external ids and figures, so its "N reports · M sources"
/// grows. Figures are never merged into one number; each report's figure stays as that report gave it.
/// </summary>
public static class Reports
{
    public static ConflictEvent Absorb(ConflictEvent into, ConflictEvent report) => into with
    {
        ExternalIds = [.. into.ExternalIds.Union(report.ExternalIds, StringComparer.Ordinal)],
        Sources = [.. into.Sources.Concat(report.Sources).DistinctBy(source => source.Url.AbsoluteUri, StringComparer.Ordinal)],
        Figures = [.. into.Figures.Concat(report.Figures).Distinct()],
    };
}
