using System.Globalization;
using BorderAlertBot.Ingestion.Gdelt;

namespace BorderAlertBot.Ingestion.Tests.Gdelt;

/// <summary>
/// One GDELT 2.0 export row (61 tab-separated columns) written by the test: by default the Myanmar military fighting
/// rebels with small arms at Laukkai (a world city, type 4) on 27 October 2023, 4 sources and 12 articles.
/// </summary>
internal sealed class GdeltRowBuilder
{
    private readonly string[] _fields = new string[GdeltColumns.Count];

    public GdeltRowBuilder(long globalEventId = 1_131_000_001)
    {
        Array.Fill(_fields, string.Empty);
        Set(0, globalEventId.ToString(CultureInfo.InvariantCulture));
        Set(1, "20231027").Set(2, "202310").Set(3, "2023").Set(4, "2023.8137");
        WithActor1("MMRMIL", "MYANMAR", "MMR", "MIL");
        WithActor2("REB", "REBEL", string.Empty, "REB");
        Set(25, "1").WithEventCode("193").Set(29, "4").Set(30, "-10.0");
        Set(31, "10").WithCounts(sources: 4, articles: 12).Set(34, "-7.5");
        Set(35, "4").Set(36, "Laukkai, Shan State, Myanmar").Set(37, "BM");
        Set(43, "4").Set(44, "Laukkai, Shan State, Myanmar").Set(45, "BM");
        AtCity("Laukkai, Shan State, Myanmar", 23.6916, 98.7641, "-3714826");
        Set(59, "20231027081500");
        WithSourceUrl("https://www.irrawaddy.com/news/burma/fighting-in-laukkai.html");
    }

    public GdeltRowBuilder Set(int column, string value)
    {
        _fields[column] = value;
        return this;
    }

    public GdeltRowBuilder WithEventCode(string code) => Set(26, code).Set(27, code.Length > 3 ? code[..3] : code).Set(28, code[..2]);

    public GdeltRowBuilder WithActor1(string code, string name, string country, string type) => Set(5, code).Set(6, name).Set(7, country).Set(12, type);

    public GdeltRowBuilder WithActor2(string code, string name, string country, string type) => Set(15, code).Set(16, name).Set(17, country).Set(22, type);

    public GdeltRowBuilder WithoutActor2() => WithActor2(string.Empty, string.Empty, string.Empty, string.Empty).Set(43, string.Empty).Set(44, string.Empty).Set(45, string.Empty);

    public GdeltRowBuilder WithCounts(int sources, int articles) =>
        Set(32, sources.ToString(CultureInfo.InvariantCulture)).Set(33, articles.ToString(CultureInfo.InvariantCulture));

    public GdeltRowBuilder WithDay(string sqlDate) => Set(1, sqlDate);

    public GdeltRowBuilder WithSourceUrl(string url) => Set(60, url);

    /// <summary>A world city or landmark (ActionGeo_Type 4) with its feature id.</summary>
    public GdeltRowBuilder AtCity(string fullName, double lat, double lon, string featureId, string fips = "BM", string adm1 = "BM11") =>
        At(4, fullName, fips, adm1, lat, lon, featureId);

    /// <summary>A country match (ActionGeo_Type 1): GDELT's country centroid, Myanmar's at 22.0, 98.0.</summary>
    public GdeltRowBuilder AtCountryCentroid(string fullName = "Myanmar", string fips = "BM", double lat = 22.0, double lon = 98.0) =>
        At(1, fullName, fips, fips, lat, lon, fips);

    /// <summary>A world ADM1 match (ActionGeo_Type 5): the state's centroid.</summary>
    public GdeltRowBuilder AtRegion(string fullName, string adm1, double lat, double lon, string fips = "BM") =>
        At(5, fullName, fips, adm1, lat, lon, adm1);

    public GdeltRowBuilder At(int type, string fullName, string fips, string adm1, double lat, double lon, string featureId) =>
        Set(51, type.ToString(CultureInfo.InvariantCulture)).Set(52, fullName).Set(53, fips).Set(54, adm1)
            .Set(56, lat.ToString(CultureInfo.InvariantCulture)).Set(57, lon.ToString(CultureInfo.InvariantCulture)).Set(58, featureId);

    public string Build() => string.Join('\t', _fields);

    public override string ToString() => Build();
}
