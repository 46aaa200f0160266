using System.Globalization;
using BorderAlertBot.Sources;

namespace BorderAlertBot.Ingestion.Gdelt;

/// <summary>The latest export as <c>lastupdate.txt</c> lists it: its size in bytes, its MD5 and its file name.</summary>
internal sealed record GdeltExportFile(long Size, string Md5, string FileName)
{
    /// <summary>
    /// The export line of <c>lastupdate.txt</c> (three lines <c>&lt;bytes&gt; &lt;md5&gt; &lt;url&gt;</c>: export, mentions, gkg).
    /// Only the file name is kept: it is fetched from the configured base URL, so a proxy or a test server can stand in.
    /// </summary>
    /// <exception cref="SourceException">No line names an export file.</exception>
    public static GdeltExportFile Parse(string lastUpdate)
    {
        foreach (var line in lastUpdate.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3 || !parts[2].EndsWith(".export.CSV.zip", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var name = parts[2][(parts[2].LastIndexOf('/') + 1)..];
            var isName = name.Length > ".export.CSV.zip".Length && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '.');
            if (isName && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var size) && parts[1].Length == 32 && parts[1].All(char.IsAsciiHexDigit))
            {
                return new GdeltExportFile(size, parts[1].ToLowerInvariant(), name);
            }
        }

        throw new SourceException("GDELT's lastupdate.txt lists no export file (expected a line '<bytes> <md5> <url>.export.CSV.zip')");
    }
}
