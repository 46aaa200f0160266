using System.Globalization;
using System.Text;
using BorderAlertBot.Ingestion.Files;

namespace BorderAlertBot.Ingestion.DropFolder;

/// <summary>The <c>&lt;name&gt;.errors.txt</c> written beside a failed file: the summary, then one line per error (line, field, message).</summary>
internal static class DropFolderReport
{
    public static string Write(string fileName, DateTimeOffset at, FileImportResult? result, string? error)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"File:     {fileName}")
            .AppendLine(CultureInfo.InvariantCulture, $"Imported: {at:yyyy-MM-dd HH:mm:ss} UTC")
            .AppendLine(CultureInfo.InvariantCulture, $"Result:   {(result is null ? "not imported: " + error : result.ToString())}");
        if (result is not null)
        {
            text.AppendLine()
                .AppendLine(result.Summary.Rejected == 0 ? "No record was rejected." : "The records below were not imported; every other record was. Fix them and drop the file again (records already in are left alone).")
                .AppendLine();
            foreach (var importError in result.Summary.Errors)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"line {importError.Line}\t{(importError.Field.Length == 0 ? "-" : importError.Field)}\t{importError.Message}");
            }
        }

        return text.ToString();
    }
}
