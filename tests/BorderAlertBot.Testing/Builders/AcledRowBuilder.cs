namespace BorderAlertBot.Testing.Builders;

/// <summary>
/// One ACLED row written by us (ACLED's licence keeps its own rows out of fixtures): by default a battle at Laukkai
/// between the MNDAA and the junta with 3 fatalities, in the current layout's spelling; each With… changes one column.
/// </summary>
public sealed class AcledRowBuilder
{
    private static int _next = 50_000;

    private readonly Dictionary<string, string> _fields;

    public AcledRowBuilder()
    {
        var id = $"MMR{Interlocked.Increment(ref _next)}";
        _fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["event_id_cnty"] = id,
            ["event_date"] = "2024-01-05",
            ["year"] = "2024",
            ["time_precision"] = "1",
            ["disorder_type"] = "Political violence",
            ["event_type"] = "Battles",
            ["sub_event_type"] = "Armed clash",
            ["actor1"] = "MNTJP/MNDAA: Myanmar National Truth and Justice Party/Myanmar National Democratic Alliance Army",
            ["assoc_actor_1"] = string.Empty,
            ["inter1"] = "Rebel group",
            ["actor2"] = "Military Forces of Myanmar (2021-)",
            ["assoc_actor_2"] = string.Empty,
            ["inter2"] = "State forces",
            ["interaction"] = "State forces-Rebel group",
            ["civilian_targeting"] = string.Empty,
            ["iso"] = "104",
            ["region"] = "Southeast Asia",
            ["country"] = "Myanmar",
            ["admin1"] = "Shan-North",
            ["admin2"] = "Kokang Self-Administered Zone",
            ["admin3"] = "Laukkaing",
            ["location"] = "Laukkai",
            ["latitude"] = "23.6916",
            ["longitude"] = "98.7641",
            ["geo_precision"] = "1",
            ["source"] = "Irrawaddy; Myanmar Now",
            ["source_scale"] = "National",
            ["notes"] = "On 5 January 2024, MNDAA fighters clashed with the military in Laukkai town (Laukkaing, Kokang, Shan-North). 3 soldiers were killed.",
            ["fatalities"] = "3",
            ["tags"] = string.Empty,
            ["timestamp"] = "1704931200",
        };
    }

    public string Id => _fields["event_id_cnty"];

    /// <summary>Every column's value, as the API's JSON carries them (all strings).</summary>
    public IReadOnlyDictionary<string, string> Fields => _fields;

    public string this[string column] => _fields.GetValueOrDefault(column, string.Empty);

    public AcledRowBuilder With(string column, string value)
    {
        _fields[column] = value;
        return this;
    }

    public AcledRowBuilder WithType(string eventType, string subEventType) => With("event_type", eventType).With("sub_event_type", subEventType);

    /// <summary>At a gazetteer-style place: location, township, state and coordinates, with the given precision.</summary>
    public AcledRowBuilder At(string location, string admin3, string admin1, double latitude, double longitude, int precision = 1) =>
        With("location", location).With("admin3", admin3).With("admin1", admin1)
            .With("latitude", latitude.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("longitude", longitude.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("geo_precision", precision.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
