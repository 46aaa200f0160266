using BorderAlertBot.Curation;
using BorderAlertBot.Ingestion.Acled;

namespace BorderAlertBot.Ingestion.Files;

/// <summary>What importing one file did: the importer's summary, and for an ACLED file the rows that were out of scope.</summary>
public sealed record FileImportResult(ImportFormat Format, ImportSummary Summary, AcledReadTally? Acled)
{
    public int OutOfScope => Acled?.OutOfScope ?? 0;

    /// <summary>"3 added, 0 revised, 1 unchanged, 1 rejected, 2 out of scope (…)"; the note only for ACLED files.</summary>
    public override string ToString()
    {
        if (Acled is null)
        {
            return Summary.ToString();
        }

        var counts = $"{Summary.Added} added, {Summary.Revised} revised, {Summary.Unchanged} unchanged, {Summary.Rejected} rejected, {Acled.OutOfScope} out of scope";
        var kinds = Acled.OutOfScopeByReason.Take(3).Select(pair => $"{pair.Rows} {pair.Reason}");
        var note = Acled.OutOfScope == 0
            ? string.Empty
            : $" (rows the bot does not track, not errors: {string.Join("; ", kinds)}{(Acled.OutOfScopeByReason.Count > 3 ? "; …" : string.Empty)})";
        return counts + note + (Summary.DryRun ? " (dry run: nothing was written)" : string.Empty);
    }
}
