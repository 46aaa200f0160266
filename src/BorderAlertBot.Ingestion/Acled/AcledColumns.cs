namespace BorderAlertBot.Ingestion.Acled;

/// <summary>
/// The ACLED columns the mapper reads, found by header name (ignoring case and surrounding spaces), so the current
/// 31-column layout, the older one (with <c>data_id</c>, <c>event_id_no_cnty</c>, <c>iso3</c>) and files with extra
/// columns all read alike. A file without a required column cannot be read at all.
/// </summary>
internal sealed class AcledColumns
{
    private static readonly string[] Required =
        ["event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "location", "latitude", "longitude", "geo_precision", "fatalities"];

    /// <summary>Where each of <see cref="AcledRow.ColumnNames"/> is in the file; -1 where it has no such column.</summary>
    private readonly int[] _positions;

    private AcledColumns(Dictionary<string, int> index) =>
        _positions = [.. AcledRow.ColumnNames.Select(name => index.GetValueOrDefault(name, -1))];

    /// <summary>The columns of <paramref name="header"/>, or the error that says which required ones are missing.</summary>
    public static AcledColumns? TryResolve(IReadOnlyList<string> header, out string? error)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF').ToLowerInvariant();
            if (AcledRow.ColumnNames.Contains(name))
            {
                index.TryAdd(name, i);
            }
        }

        var missing = Required.Where(name => !index.ContainsKey(name)).ToList();
        if (!index.ContainsKey("iso") && !index.ContainsKey("iso3") && !index.ContainsKey("country"))
        {
            missing.Add("country (or iso)");
        }

        error = missing.Count == 0
            ? null
            : $"the header has no {string.Join(", ", missing.Select(name => $"'{name}'"))} column{(missing.Count == 1 ? string.Empty : "s")}: is this an ACLED export? (the header row must name the columns, as ACLED's exports do)";
        return error is null ? new AcledColumns(index) : null;
    }

    /// <summary>
    /// What <see cref="AcledRow.From(Func{int, string?})"/> reads a row with, from a getter of the current row's field by
    /// its place in the file: made once per file, as every row is read alike.
    /// </summary>
    public Func<int, string?> Fields(Func<int, string> field) =>
        column => _positions[column] is var position and >= 0 ? field(position) : null;
}
