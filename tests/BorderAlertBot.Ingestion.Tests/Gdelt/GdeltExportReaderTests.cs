using BorderAlertBot.Domain;
using BorderAlertBot.Ingestion.Gdelt;

namespace BorderAlertBot.Ingestion.Tests.Gdelt;

public sealed class GdeltExportReaderTests
{
    private static readonly GdeltScope MyanmarAndChina = new(["BM", "CH"], ["MMR"]);

    [Fact]
    public void A_row_with_the_wrong_number_of_columns_is_an_error_with_its_line_and_its_neighbours_are_still_read()
    {
        // Arrange
        var first = new GdeltRowBuilder(1).Build();
        var broken = string.Join('\t', Enumerable.Repeat("x", 58));
        var third = new GdeltRowBuilder(3).AtCity("Muse, Shan State, Myanmar", 23.9933, 97.9103, "-3718398").Build();

        // Act
        var (records, tally) = Read(first, broken, third);

        // Assert
        Assert.Equal([1, 2, 3], records.Select(record => record.Line));
        Assert.Equal("evt_gdelt_1", records[0].Event!.Id.Value);
        Assert.Equal("line 2 (record 1): has 58 columns; a GDELT 2.0 export row has 61", Assert.Single(records[1].Errors).ToString());
        Assert.Equal("evt_gdelt_3", records[2].Event!.Id.Value);
        Assert.Equal(new GdeltTally(Rows: 3, OutsideScope: 0, OtherCodes: 0, Errors: 1, Matched: 2, Candidates: 2), tally);
    }

    [Fact]
    public void A_row_with_bad_numbers_names_each_bad_column()
    {
        var row = new GdeltRowBuilder(7).Set(GdeltColumns.NumArticles, "twelve").Set(GdeltColumns.ActionGeoLat, "123.5").Set(GdeltColumns.SqlDate, "2023-10-27").Build();

        var (records, _) = Read(new GdeltRowBuilder(6).Build(), row);

        Assert.Equal(
            ["line 2 (record 1), SQLDATE: '2023-10-27' is not a date (YYYYMMDD)",
             "line 2 (record 1), NumArticles: 'twelve' is not a count",
             "line 2 (record 1), ActionGeo_Lat: '123.5' is not a number from -90 to 90"],
            records[1].Errors.Select(error => error.ToString()));
        Assert.NotNull(records[0].Event);
    }

    [Fact]
    public void Rows_outside_the_countries_and_codes_outside_the_three_kinds_are_skipped_and_counted_not_errors()
    {
        // Arrange: a clash in Thailand, a Myanmar visit (042), a Chinese sanction on the US, China's call on Myanmar.
        var inThailand = new GdeltRowBuilder(1).AtCity("Mae Sot, Tak, Thailand", 16.71, 98.57, "-1", fips: "TH").Build();
        var visit = new GdeltRowBuilder(2).WithEventCode("042").Build();
        var chinaOnTheUs = new GdeltRowBuilder(3).WithEventCode("163").WithActor1("CHN", "CHINA", "CHN", "").WithActor2("USA", "UNITED STATES", "USA", "")
            .AtCity("Beijing, Beijing, China", 39.93, 116.39, "-1898541", fips: "CH", adm1: "CH22").Set(GdeltColumns.Actor1GeoCountryCode, "CH").Set(GdeltColumns.Actor2GeoCountryCode, "US").Build();
        var chinaOnMyanmar = new GdeltRowBuilder(4).WithEventCode("107").WithActor1("CHN", "CHINA", "CHN", "").WithActor2("MMR", "MYANMAR", "MMR", "")
            .AtCity("Beijing, Beijing, China", 39.93, 116.39, "-1898541", fips: "CH", adm1: "CH22").Set(GdeltColumns.Actor1GeoCountryCode, "CH").Set(GdeltColumns.Actor2GeoCountryCode, "CH").Build();

        // Act
        var (records, tally) = Read(inThailand, visit, chinaOnTheUs, chinaOnMyanmar);

        // Assert
        var call = Assert.Single(records).Event!;
        Assert.Equal((EventKind.CeasefireCall, EventSubtype.CeasefireCalled, "CN"), (call.Kind, call.Subtype, call.Location!.CountryCode));
        Assert.Equal(new GdeltTally(Rows: 4, OutsideScope: 2, OtherCodes: 1, Errors: 0, Matched: 1, Candidates: 1), tally);
    }

    [Fact]
    public void The_event_code_is_kept_as_text_so_0871_is_a_declared_ceasefire()
    {
        var (records, _) = Read(new GdeltRowBuilder(5).WithEventCode("0871").Build());

        var truce = Assert.Single(records).Event!;
        Assert.Equal(EventSubtype.CeasefireAgreed, truce.Subtype);
        Assert.Contains("(CAMEO 0871)", truce.Summary, StringComparison.Ordinal);
        Assert.StartsWith("Declare truce, ceasefire", truce.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_of_one_day_place_and_subtype_become_one_candidate_carrying_every_article_and_id()
    {
        // Arrange: three codings of the Laukkai fighting (193 and 190 are both armed clash), one shelling there, one clash in Muse.
        var rows = new[]
        {
            new GdeltRowBuilder(11).WithCounts(2, 3).WithSourceUrl("https://www.irrawaddy.com/a.html").Build(),
            new GdeltRowBuilder(12).WithEventCode("190").WithCounts(5, 14).WithSourceUrl("https://myanmar-now.org/b.html").Build(),
            new GdeltRowBuilder(13).WithCounts(1, 1).WithSourceUrl("https://www.irrawaddy.com/a.html").Build(),
            new GdeltRowBuilder(14).WithEventCode("194").Build(),
            new GdeltRowBuilder(15).AtCity("Muse, Shan State, Myanmar", 23.9933, 97.9103, "-3718398").Build(),
        };

        // Act
        var (records, tally) = Read(rows);

        // Assert
        Assert.Equal(3, records.Count);
        var laukkai = records[0].Event!;
        Assert.Equal("evt_gdelt_12", laukkai.Id.Value); // The most-reported row stands for the group.
        Assert.Equal(["gdelt:11", "gdelt:12", "gdelt:13"], laukkai.ExternalIds);
        Assert.Equal(["https://myanmar-now.org/b.html", "https://www.irrawaddy.com/a.html"], laukkai.Sources.Select(source => source.Url.AbsoluteUri));
        Assert.Contains("GDELT: 5 sources, 14 articles in its first 15 minutes", laukkai.Summary, StringComparison.Ordinal);
        Assert.Contains("coded the same happening 3 times in this file", laukkai.Summary, StringComparison.Ordinal);
        Assert.Equal([EventSubtype.ArmedClash, EventSubtype.Shelling, EventSubtype.ArmedClash], records.Select(record => record.Event!.Subtype));
        Assert.Equal((5, 3), (tally.Matched, tally.Candidates));
    }

    [Fact]
    public void Country_level_rows_merge_only_when_their_actors_match_too()
    {
        var rows = new[]
        {
            new GdeltRowBuilder(21).AtCountryCentroid().Build(),
            new GdeltRowBuilder(22).AtCountryCentroid().Build(),
            new GdeltRowBuilder(23).AtCountryCentroid().WithActor2("KIA", "KACHIN INDEPENDENCE ARMY", "MMR", "REB").Build(),
        };

        var (records, _) = Read(rows);

        Assert.Equal(new[] { new[] { "gdelt:21", "gdelt:22" }, ["gdelt:23"] }, records.Select(record => record.Event!.ExternalIds.ToArray()));
    }

    [Fact]
    public void Empty_lines_are_not_rows()
    {
        var (records, tally) = Read(string.Empty, new GdeltRowBuilder(1).Build(), string.Empty);

        Assert.Equal(2, Assert.Single(records).Line);
        Assert.Equal(1, tally.Rows);
    }

    private static (IReadOnlyList<Curation.ImportRecord> Records, GdeltTally Tally) Read(params string[] lines) =>
        GdeltExportReader.Read(new StringReader(string.Join('\n', lines)), MyanmarAndChina);
}
