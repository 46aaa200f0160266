using System.Text;

namespace BorderAlertBot.Testing.Builders;

/// <summary>ACLED CSV text in either layout (data-sources.md §1.2), written from <see cref="AcledRowBuilder"/>s.</summary>
public static class AcledCsv
{
    /// <summary>The current export's 31 columns, in ACLED's order.</summary>
    public static readonly string[] CurrentColumns =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1",
        "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
        "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
        "notes", "fatalities", "tags", "timestamp",
    ];

    /// <summary>The older layout: <c>data_id</c>, <c>event_id_no_cnty</c> and <c>iso3</c>, numeric actor types, no disorder type or tags.</summary>
    public static readonly string[] OlderColumns =
    [
        "data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "region", "country", "admin1",
        "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities",
        "timestamp", "iso3",
    ];

    private static readonly string[] ActorTypes =
        ["", "State forces", "Rebel group", "Political militia", "Identity militia", "Rioters", "Protesters", "Civilians", "External/Other forces"];

    public static string Current(params AcledRowBuilder[] rows) => Write(CurrentColumns, rows);

    /// <summary>The older layout, with the actor types as numbers (interaction as the two codes, lower first) and the other older columns filled.</summary>
    public static string Older(params AcledRowBuilder[] rows) => Write(OlderColumns, rows);

    public static string Write(IReadOnlyList<string> columns, IEnumerable<AcledRowBuilder> rows)
    {
        var older = columns.Contains("data_id");
        var text = new StringBuilder(string.Join(',', columns)).Append('\n');
        var dataId = 9000;
        foreach (var row in rows)
        {
            text.AppendJoin(',', columns.Select(column => Quote(older ? OlderValue(row, column, ++dataId) : row[column]))).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A field as ACLED's exports quote it: in quotes when it holds a comma, a quote or a line break, quotes doubled.</summary>
    public static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    private static string OlderValue(AcledRowBuilder row, string column, int dataId)
    {
        string Code(string type) => Array.IndexOf(ActorTypes, row[type]) is var code and >= 0 ? code.ToString(System.Globalization.CultureInfo.InvariantCulture) : row[type];
        return column switch
        {
            "data_id" => dataId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "event_id_no_cnty" => new string(row["event_id_cnty"].Where(char.IsAsciiDigit).ToArray()),
            "iso3" => row["country"] == "Myanmar" ? "MMR" : string.Empty,
            "inter1" or "inter2" => Code(column),
            "interaction" => string.Concat(new[] { Code("inter1"), Code("inter2") }.Order(StringComparer.Ordinal)),
            _ => row[column],
        };
    }
}
