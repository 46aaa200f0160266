using System.Text;

namespace BorderAlertBot.Ingestion.Files;

/// <summary>Tells a file's format by its extension (<c>.json</c>, <c>.csv</c>), else by how it starts.</summary>
public static class ImportFormats
{
    public static ImportFormat? Detect(string path) => FromExtension(path) ?? Sniff(path);

    /// <summary><c>.json</c> is curated, <c>.csv</c> ACLED; anything else says nothing.</summary>
    public static ImportFormat? FromExtension(string path)
    {
        var extension = Path.GetExtension(path);
        return extension.Equals(".json", StringComparison.OrdinalIgnoreCase) ? ImportFormat.Curated
            : extension.Equals(".csv", StringComparison.OrdinalIgnoreCase) ? ImportFormat.Acled
            : null;
    }

    public static bool TryParse(string? text, out ImportFormat format) =>
        Enum.TryParse(text, ignoreCase: true, out format) && Enum.IsDefined(format) && !int.TryParse(text, out _);

    /// <summary>JSON starts with <c>{</c> or <c>[</c>; an ACLED export's header names <c>event_id_cnty</c>.</summary>
    private static ImportFormat? Sniff(string path)
    {
        var buffer = new char[4096];
        int read;
        using (var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            read = reader.ReadBlock(buffer, 0, buffer.Length);
        }

        var start = new string(buffer, 0, read).TrimStart();
        if (start.StartsWith('{') || start.StartsWith('['))
        {
            return ImportFormat.Curated;
        }

        var firstLine = start.Split('\n', 2)[0];
        return firstLine.Contains("event_id_cnty", StringComparison.OrdinalIgnoreCase) ? ImportFormat.Acled : null;
    }
}
