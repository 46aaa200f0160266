using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using BorderAlertBot.Curation;
using BorderAlertBot.Domain;
using BorderAlertBot.Ingestion.Http;
using BorderAlertBot.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Ingestion.Gdelt;

/// <summary>
/// GDELT 2.0's 15-minute event export (data-sources.md §2): reads <c>lastupdate.txt</c>, downloads the export it names
/// unless that file is the cursor, checks its size and MD5, unzips it in memory and reads its rows into pending
/// candidates. Only the latest file is read: files published while the bot was down are skipped.
/// </summary>
public sealed partial class GdeltSource(IHttpClientFactory httpClientFactory, IOptions<GdeltOptions> options, ILogger<GdeltSource> logger) : IEventSource
{
    public const string SourceName = "gdelt";
    public const string HttpClientName = "BorderAlertBot.Gdelt";

    /// <summary>The largest export accepted, zipped (real ones are well under 1 MB) and unzipped.</summary>
    internal const long MaxZipBytes = 64L << 20;
    internal const long MaxExportBytes = 512L << 20;

    public string Name => SourceName;

    public EventStatus DefaultTrust => EventStatus.Pending;

    public bool MergesReports => true;

    public TimeSpan Interval => options.Value.Interval;

    public async Task<SourcePoll> PollAsync(SourceState state, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = httpClientFactory.CreateClient(HttpClientName);
        var lastUpdateUrl = new Uri(settings.FolderUri(), "lastupdate.txt");
        var latest = GdeltExportFile.Parse(Encoding.UTF8.GetString(await GetAsync(client, lastUpdateUrl, cancellationToken)));
        if (string.Equals(latest.FileName, state.Cursor, StringComparison.Ordinal))
        {
            Log.NoNewExport(logger, latest.FileName);
            return SourcePoll.Nothing(state.Cursor);
        }

        var exportUrl = new Uri(settings.FolderUri(), latest.FileName);
        var zip = await GetAsync(client, exportUrl, cancellationToken);
        Verify(zip, latest);
        var (records, tally) = ReadZip(zip, latest.FileName, GdeltScope.From(settings));
        Log.ExportRead(logger, latest.FileName, tally.Rows, tally.OutsideScope, tally.OtherCodes, tally.Errors, tally.Matched, tally.Candidates);
        return new SourcePoll(records, [], latest.FileName);
    }

    /// <summary>Reads an export zip (its one CSV entry) into records.</summary>
    /// <exception cref="SourceException">It is not a zip, is empty, or unzips to more than <see cref="MaxExportBytes"/>.</exception>
    internal static (IReadOnlyList<ImportRecord> Records, GdeltTally Tally) ReadZip(byte[] zip, string fileName, GdeltScope scope)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
            // The export holds one CSV; a folder entry has no name.
            var entry = archive.Entries.FirstOrDefault(candidate => candidate.Name.Length > 0)
                ?? throw new SourceException($"the GDELT export {fileName} is an empty zip");
            if (entry.Length > MaxExportBytes)
            {
                throw new SourceException(string.Create(CultureInfo.InvariantCulture, $"the GDELT export {fileName} unzips to {entry.Length:N0} bytes, more than the {MaxExportBytes:N0} accepted"));
            }

            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            return GdeltExportReader.Read(reader, scope);
        }
        catch (InvalidDataException exception)
        {
            throw new SourceException($"the GDELT export {fileName} is not a readable zip: {exception.Message}", exception);
        }
    }

    // GDELT publishes MD5 checksums; this is an integrity check of the download, not security.
#pragma warning disable CA5351
    private static void Verify(byte[] zip, GdeltExportFile file)
    {
        if (zip.LongLength != file.Size)
        {
            throw new SourceException(string.Create(CultureInfo.InvariantCulture, $"the GDELT export {file.FileName} has {zip.LongLength:N0} bytes; lastupdate.txt says {file.Size:N0} (a partial download?)"));
        }

        if (!string.Equals(Convert.ToHexStringLower(MD5.HashData(zip)), file.Md5, StringComparison.Ordinal))
        {
            throw new SourceException($"the GDELT export {file.FileName} does not match the MD5 that lastupdate.txt gives");
        }
    }
#pragma warning restore CA5351

    private static async Task<byte[]> GetAsync(HttpClient client, Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        using var response = await SourceRequests.SendAsync(client, request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw SourceRequests.Failed(response, url);
        }

        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "GDELT: {File} is still the latest export; nothing new")]
        public static partial void NoNewExport(ILogger logger, string file);

        [LoggerMessage(2, LogLevel.Information, "GDELT: {File}: {Rows} rows, {OutsideScope} outside the countries, {OtherCodes} with other CAMEO codes, {Errors} unreadable, {Matched} matched, {Candidates} candidates after merging duplicates")]
        public static partial void ExportRead(ILogger logger, string file, int rows, int outsideScope, int otherCodes, int errors, int matched, int candidates);
    }
}
