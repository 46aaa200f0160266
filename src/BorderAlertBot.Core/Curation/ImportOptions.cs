namespace BorderAlertBot.Curation;

/// <summary>How to import: <paramref name="DryRun"/> computes everything and writes nothing.</summary>
public sealed record ImportOptions(bool DryRun, string Curator, IProgress<ImportProgress>? Progress = null, int BatchSize = 2000);
