namespace BorderAlertBot.Curation;

public sealed record ImportSummary(int Added, int Revised, int Unchanged, int Rejected, IReadOnlyList<ImportError> Errors, bool DryRun)
{
    public int Total => Added + Revised + Unchanged + Rejected;

    /// <summary>Of the added, how many were reports merged into an event already stored.</summary>
    public int Merged { get; init; }

    /// <summary>"12 added, 2 revised, 0 unchanged, 1 rejected" with "(dry run: nothing was written)" when it was one.</summary>
    public override string ToString() =>
        $"{Added} added{(Merged > 0 ? $" ({Merged} merged into events already stored)" : string.Empty)}, {Revised} revised, {Unchanged} unchanged, {Rejected} rejected"
        + (DryRun ? " (dry run: nothing was written)" : string.Empty);
}
