using BorderAlertBot.Curation;

namespace BorderAlertBot.Ingestion.Gdelt;

/// <summary>
/// Reads one GDELT 2.0 export (tab-separated, no header, 61 columns) line by line into candidates. A line with the wrong
/// number of columns is an error with its line; a line outside the scope or with a code none of ours is skipped and
/// counted; only then are its numbers checked, so a broken row we would not have used anyway is not reported as one.
/// </summary>
internal static class GdeltExportReader
{
    public static (IReadOnlyList<ImportRecord> Records, GdeltTally Tally) Read(TextReader tsv, GdeltScope scope)
    {
        var records = new List<ImportRecord>();
        var matched = new List<(GdeltRow Row, CameoCategory Category)>();
        int line = 0, rows = 0, outside = 0, otherCodes = 0, errors = 0;
        while (tsv.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            var index = rows++;
            var fields = text.Split('\t');
            if (fields.Length != GdeltColumns.Count)
            {
                errors++;
                records.Add(ImportRecord.Invalid(index, line, line, [new ImportError(index, line, string.Empty, $"has {fields.Length} columns; a GDELT 2.0 export row has {GdeltColumns.Count}")]));
                continue;
            }

            if (!scope.Includes(fields))
            {
                outside++;
                continue;
            }

            var code = fields[GdeltColumns.EventCode];
            var category = CameoCategories.Find(code);
            if (category is null && code.Length is >= 2 and <= 4 && code.All(char.IsAsciiDigit))
            {
                otherCodes++;
                continue;
            }

            var (row, rowErrors) = GdeltRowParser.Parse(fields, index, line);
            if (row is null || category is null)
            {
                errors++;
                records.Add(ImportRecord.Invalid(index, line, line, rowErrors));
                continue;
            }

            matched.Add((row, category));
        }

        var groups = GdeltDuplicates.Group(matched);
        foreach (var (group, category) in groups)
        {
            var lead = group[0];
            records.Add(ImportRecord.Valid(lead.Line - 1, lead.Line, lead.Line, GdeltEventMapper.Map(group, category), null));
        }

        records.Sort((a, b) => a.Line.CompareTo(b.Line));
        return (records, new GdeltTally(rows, outside, otherCodes, errors, matched.Count, groups.Count));
    }
}
