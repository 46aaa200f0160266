using BorderAlertBot.Curation;
using BorderAlertBot.Domain;
using BorderAlertBot.Ingestion.Acled;
using BorderAlertBot.Ingestion.CuratedJson;
using BorderAlertBot.Sources;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Ingestion.Files;

/// <summary>
/// Imports one file of either format the same way for the <c>import</c> verb and the drop folder: curated JSON with each
/// record's own status; an ACLED export as the machine source it is — new events get the trust that
/// <c>Sources:Trust</c> gives the source <c>acled</c> (Verified without a rule), a row finds the event already carrying
/// its external id, and what curators decided about a stored event stays.
/// </summary>
public sealed class FileImporter(EventImporter importer, IOptions<SourcesOptions> sources)
{
    /// <summary>The source name whose trust rule ACLED files follow, as the ACLED poller's.</summary>
    public const string AcledSourceName = "acled";

    public async Task<FileImportResult> ImportAsync(string path, ImportFormat format, ImportOptions options, CancellationToken cancellationToken)
    {
        if (format == ImportFormat.Curated)
        {
            var summary = await importer.ImportAsync(CuratedJsonReader.ReadFileAsync(path, cancellationToken), options, cancellationToken);
            return new FileImportResult(format, summary, null);
        }

        var tally = new AcledReadTally();
        var trust = sources.Value.TrustFor(AcledSourceName, EventStatus.Verified);
        var acled = await importer.ImportAsync(AcledCsvReader.ReadFileAsync(path, tally, cancellationToken), options with { SourceTrust = trust }, cancellationToken);
        return new FileImportResult(format, acled, tally);
    }
}
