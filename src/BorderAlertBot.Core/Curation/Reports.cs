using BorderAlertBot.Domain;

namespace BorderAlertBot.Curation;

/// <summary>
/// Folding reports of one happening into the event that stands for it, and taking them out again. The event keeps its own
/// account (title, summary, place, status) and gains the report's sources, external ids and figures, so its
/// "N reports · M sources" grows. Figures are never merged into one number; each report's figure stays as that report gave
/// it. A merged report keeps its own revisions, so a split restores both sides.
/// </summary>
public static class Reports
{
    /// <summary><paramref name="into"/> with the sources, external ids and figures of <paramref name="report"/> added.</summary>
    public static ConflictEvent Absorb(ConflictEvent into, ConflictEvent report) => into with
    {
        ExternalIds = [.. into.ExternalIds.Union(report.ExternalIds, StringComparer.Ordinal)],
        Sources = [.. into.Sources.Concat(report.Sources).DistinctBy(source => source.Url.AbsoluteUri, StringComparer.Ordinal)],
        Figures = [.. into.Figures.Concat(report.Figures).Distinct()],
    };

    /// <summary>The survivor with the report absorbed and listed, and the report marked as merged into it.</summary>
    public static (ConflictEvent Survivor, ConflictEvent Report) Merge(ConflictEvent into, ConflictEvent report) => (
        Absorb(into, report) with { MergedReports = [.. (into.MergedReports ?? []).Where(id => id != report.Id), report.Id] },
        report with { Status = EventStatus.Merged, StatusReason = $"merged into {into.Id}", MergedInto = into.Id });

    /// <summary>
    /// The survivor without what <paramref name="report"/> brought: its sources, external ids and figures that the survivor
    /// did not already have just before the merge (<paramref name="beforeMerge"/>). Later changes to the survivor stay.
    /// </summary>
    public static ConflictEvent WithoutReport(ConflictEvent survivor, ConflictEvent beforeMerge, ConflictEvent report)
    {
        var brought = report.Sources.Select(source => source.Url.AbsoluteUri).Except(beforeMerge.Sources.Select(source => source.Url.AbsoluteUri), StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var externalIds = report.ExternalIds.Except(beforeMerge.ExternalIds, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var figures = report.Figures.Except(beforeMerge.Figures).ToHashSet();
        var remaining = (survivor.MergedReports ?? []).Where(id => id != report.Id).ToList();
        return survivor with
        {
            Sources = [.. survivor.Sources.Where(source => !brought.Contains(source.Url.AbsoluteUri))],
            ExternalIds = [.. survivor.ExternalIds.Where(id => !externalIds.Contains(id))],
            Figures = [.. survivor.Figures.Where(figure => !figures.Contains(figure))],
            MergedReports = remaining.Count == 0 ? null : remaining,
        };
    }
}
