using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BorderAlertBot.Curation;
using BorderAlertBot.Domain;
using BorderAlertBot.Ingestion.CuratedJson;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Ingestion.Tests.CuratedJson;

/// <summary>The field-by-field checks and mapping of one record, through the public reader.</summary>
public sealed class CuratedEventMapperTests
{
    [Fact]
    public void A_full_record_maps_every_field()
    {
        // Arrange
        const string json = """
            {
              "curator": "file-curator",
              "events": [
                {
                  "id": "evt_laukkai_surrender_2024",
                  "externalIds": ["acled:MMR61234", "gdelt:1145678901"],
                  "kind": "BorderClash",
                  "subtype": "TerritorySeized",
                  "title": "Junta command in Laukkai surrenders to the MNDAA",
                  "summary": "The regional command surrendered after weeks of fighting.",
                  "occurred": { "at": "2024-01-05" },
                  "location": {
                    "country": "MM", "admin1": "Shan-North", "admin2": "Kokang Self-Administered Zone", "admin3": "Laukkaing",
                    "place": "Laukkai", "lat": 23.6916, "lon": 98.7641, "precision": "near"
                  },
                  "border": "MM-CN",
                  "actors": [
                    { "name": "MNTJP/MNDAA: Myanmar National Truth and Justice Party/Myanmar National Democratic Alliance Army" },
                    { "name": "Military Forces of Myanmar (2021-)", "short": "Tatmadaw" }
                  ],
                  "figures": [
                    { "kind": "fatalities", "value": 12, "reportedBy": "MNDAA", "note": "As claimed." },
                    { "kind": "tradeValueUsdPerYear", "value": 1800000000, "reportedBy": "Myanmar commerce ministry" }
                  ],
                  "sources": [
                    { "name": "The Irrawaddy", "url": "https://www.irrawaddy.com/news/laukkai.html", "publishedAt": "2024-01-05T18:30:00+06:30" },
                    { "name": "Reuters", "url": "http://www.reuters.com/world/asia-pacific/laukkai" }
                  ],
                  "status": "Verified",
                  "severityOverride": { "severity": 5, "reason": "A regional command surrendered." },
                  "curator": "record-curator"
                }
              ]
            }
            """;

        // Act
        var record = Assert.Single(Read(json));

        // Assert
        Assert.Empty(record.Errors);
        var e = Assert.IsType<ConflictEvent>(record.Event);
        Assert.Equal(EventId.Parse("evt_laukkai_surrender_2024"), e.Id);
        Assert.Equal(["acled:MMR61234", "gdelt:1145678901"], e.ExternalIds);
        Assert.Equal((EventKind.BorderClash, EventSubtype.TerritorySeized), (e.Kind, e.Subtype));
        Assert.Equal("Junta command in Laukkai surrenders to the MNDAA", e.Title);
        Assert.Equal("The regional command surrendered after weeks of fighting.", e.Summary);
        Assert.Equal(new Occurrence(new DateTimeOffset(2024, 1, 5, 0, 0, 0, TimeSpan.Zero), TimePrecision.Day), e.Occurred);
        Assert.Equal(
            new Location("MM", "Shan-North", "Kokang Self-Administered Zone", "Laukkaing", "Laukkai", new GeoPoint(23.6916, 98.7641), LocationPrecision.Near),
            e.Location);
        Assert.Equal(BorderPair.Parse("CN-MM"), e.Border?.Pair);
        Assert.Equal(
            [new Actor("MNTJP/MNDAA: Myanmar National Truth and Justice Party/Myanmar National Democratic Alliance Army", "MNDAA"), new Actor("Military Forces of Myanmar (2021-)", "Tatmadaw")],
            e.Actors);
        Assert.Equal(
            [new Figure(FigureKind.Fatalities, 12, "MNDAA", "As claimed."), new Figure(FigureKind.TradeValueUsdPerYear, 1_800_000_000, "Myanmar commerce ministry")],
            e.Figures);
        Assert.Equal(
            [
                new Source("The Irrawaddy", new Uri("https://www.irrawaddy.com/news/laukkai.html"), new DateTimeOffset(2024, 1, 5, 18, 30, 0, TimeSpan.FromHours(6.5))),
                new Source("Reuters", new Uri("http://www.reuters.com/world/asia-pacific/laukkai"), null),
            ],
            e.Sources);
        Assert.Equal((EventStatus.Verified, null), (e.Status, e.StatusReason));
        Assert.Equal(new SeverityOverride(Severity.Critical, "A regional command surrendered."), e.Severity.Override);
        Assert.Equal(Severity.Critical, e.Severity.Effective);
        Assert.Equal("record-curator", record.Curator);
    }

    [Theory]
    [InlineData("2023-10-27", null, "2023-10-27T00:00:00+00:00", TimePrecision.Day)]
    [InlineData("2023-10-27T04:00:00+06:30", null, "2023-10-27T04:00:00+06:30", TimePrecision.Exact)]
    [InlineData("2023-10-26T21:30:00Z", null, "2023-10-26T21:30:00+00:00", TimePrecision.Exact)]
    [InlineData("2023-11-02", "week", "2023-11-02T00:00:00+00:00", TimePrecision.Week)]
    public void A_date_is_known_to_the_day_and_an_instant_with_offset_exactly(string at, string? precision, string expectedAt, TimePrecision expectedPrecision)
    {
        // Arrange
        var occurred = new JsonObject { ["at"] = at };
        if (precision is not null)
        {
            occurred["precision"] = precision;
        }

        // Act
        var record = ReadOne(new CuratedJsonBuilder().With("occurred", occurred));

        // Assert
        var expected = DateTimeOffset.Parse(expectedAt, CultureInfo.InvariantCulture);
        var actual = Assert.IsType<ConflictEvent>(record.Event).Occurred;
        Assert.Equal((expected, expected.Offset, expectedPrecision), (actual.At, actual.At.Offset, actual.Precision));
    }

    [Theory]
    [InlineData("title", null, "title", "is required")]
    [InlineData("kind", "\"Skirmish\"", "kind", "'Skirmish' is not one of BorderClash, CeasefireCall, TradeDisruption")]
    [InlineData("id", "\"EVT-1\"", "id", "must be evt_ followed by")]
    [InlineData("id", null, "id", "is required")]
    [InlineData("location.country", "\"Myanmar\"", "location.country", "ISO 3166-1 alpha-2")]
    [InlineData("location.country", "\"mm\"", "location.country", "ISO 3166-1 alpha-2")]
    [InlineData("location", """{ "country": "MM", "place": "Laukkai", "precision": "exact" }""", "location.lat", "lat and lon are required at precision exact")]
    [InlineData("location.lat", "91", "location.lat", "is not a valid latitude and longitude")]
    [InlineData("location.lon", null, "location.lon", "lat and lon go together")]
    [InlineData("border", "\"CN-MM-TH\"", "border", "two country codes")]
    [InlineData("sources", """[{ "name": "Archive", "url": "ftp://files.example/report.pdf" }]""", "sources[0].url", "must be an absolute http(s) URL")]
    [InlineData("sources", """[{ "name": "Notes", "url": "irrawaddy.com/news" }]""", "sources[0].url", "must be an absolute http(s) URL")]
    [InlineData("sources", "[]", "sources", "at least one source is required")]
    [InlineData("sources", null, "sources", "at least one source is required")]
    [InlineData("severityOverride", """{ "severity": 7, "reason": "Worst yet." }""", "severityOverride.severity", "must be 1 (Low) to 5 (Critical)")]
    [InlineData("severityOverride", """{ "severity": 4 }""", "severityOverride.reason", "is required")]
    [InlineData("figures", """[{ "kind": "fatalities", "value": -3, "reportedBy": "UN OCHA" }]""", "figures[0].value", "must be a whole number ≥ 0")]
    [InlineData("figures", """[{ "kind": "fatalities", "value": 3 }]""", "figures[0].reportedBy", "is required")]
    [InlineData("figures", """[{ "kind": "goats", "value": 3, "reportedBy": "UN OCHA" }]""", "figures[0].kind", "'goats' is not one of")]
    [InlineData("actors", """[{ "short": "MNDAA" }]""", "actors[0].name", "is required")]
    [InlineData("externalIds", """["MMR22121"]""", "externalIds[0]", "must look like source:id")]
    [InlineData("occurred.at", "\"2023-10-27T04:00:00\"", "occurred.at", "is neither a date (2023-10-27) nor an instant with offset")]
    [InlineData("occurred.at", "\"27/10/2023\"", "occurred.at", "is neither a date (2023-10-27) nor an instant with offset")]
    [InlineData("status", "\"Confirmed\"", "status", "'Confirmed' is not one of Pending, Verified, Rejected, Retracted")]
    [InlineData("status", "\"Verified, Rejected\"", "status", "is not one of")]
    [InlineData("status", "\"1\"", "status", "is not one of")]
    [InlineData("subtype", "\"Shelling, AirStrike\"", "subtype", "is not one of")]
    [InlineData("colour", "\"red\"", "colour", "is not a field of the curated format")]
    [InlineData("location.colour", "\"red\"", "location.colour", "is not a field of the curated format")]
    [InlineData("figures", """[{ "kind": "fatalities", "value": "many", "reportedBy": "UN OCHA" }]""", "figures[0].value", "has the wrong type")]
    [InlineData("title", "42", "title", "has the wrong type")]
    public void A_bad_record_is_rejected_with_its_index_line_and_field_while_its_neighbours_still_read(string path, string? valueJson, string field, string message)
    {
        // Arrange
        var bad = valueJson is null ? new CuratedJsonBuilder().Without(path) : new CuratedJsonBuilder().With(path, JsonNode.Parse(valueJson));
        var json = CuratedJsonBuilder.File(new CuratedJsonBuilder().Build(), bad.Build(), new CuratedJsonBuilder().Build());

        // Act
        var records = Read(json);

        // Assert
        Assert.Equal(3, records.Count);
        Assert.NotNull(records[0].Event);
        Assert.NotNull(records[2].Event);
        Assert.Null(records[1].Event);
        var error = Assert.Single(records[1].Errors);
        Assert.Equal((1, 6, field), (error.Index, error.Line, error.Field));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("title", 200, true)]
    [InlineData("title", 201, false)]
    [InlineData("summary", 600, true)]
    [InlineData("summary", 601, false)]
    public void A_title_over_200_or_a_summary_over_600_characters_is_rejected_with_its_length(string field, int length, bool accepted)
    {
        // Act
        var record = ReadOne(new CuratedJsonBuilder().With(field, new string('x', length)));

        // Assert
        if (accepted)
        {
            Assert.Empty(record.Errors);
        }
        else
        {
            var error = Assert.Single(record.Errors);
            Assert.Equal(field, error.Field);
            Assert.StartsWith($"is {length} characters; at most {length - 1}", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_subtype_of_another_kind_is_rejected_naming_the_valid_subtypes()
    {
        // Act
        var record = ReadOne(new CuratedJsonBuilder().With("kind", "BorderClash").With("subtype", "CrossingClosed"));

        // Assert
        var error = Assert.Single(record.Errors);
        Assert.Equal("subtype", error.Field);
        Assert.Contains("CrossingClosed is a TradeDisruption subtype, not a BorderClash one", error.Message, StringComparison.Ordinal);
        Assert.Contains("ArmedClash, AirStrike, Shelling, TerritorySeized, CeasefireViolation", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Retracted")]
    [InlineData("Rejected")]
    public void A_retracted_or_rejected_record_needs_a_status_reason(string status)
    {
        // Act
        var withoutReason = ReadOne(new CuratedJsonBuilder().With("status", status));
        var withReason = ReadOne(new CuratedJsonBuilder().With("status", status).With("statusReason", "  Not corroborated.  "));

        // Assert
        var error = Assert.Single(withoutReason.Errors);
        Assert.Equal(("statusReason", $"is required when status is {status}"), (error.Field, error.Message));
        Assert.Equal((Enum.Parse<EventStatus>(status), "Not corroborated."), (withReason.Event?.Status, withReason.Event?.StatusReason));
    }

    [Fact]
    public void A_country_precision_location_drops_its_coordinates()
    {
        // Act
        var record = ReadOne(new CuratedJsonBuilder().With("location", JsonNode.Parse("""{ "country": "MM", "lat": 21.9162, "lon": 95.956, "precision": "country" }""")));

        // Assert
        var location = Assert.IsType<Location>(record.Event?.Location);
        Assert.Equal(("MM", LocationPrecision.Country), (location.CountryCode, location.Precision));
        Assert.Null(location.Point);
    }

    [Theory]
    [InlineData("MNTJP/MNDAA: Myanmar National Truth and Justice Party/Myanmar National Democratic Alliance Army", null, "MNDAA")]
    [InlineData("TNLA: Ta'ang National Liberation Army", null, "TNLA")]
    [InlineData("Military Forces of Myanmar (2021-)", null, "Military Forces of Myanmar (2021-)")]
    [InlineData("Military Forces of Myanmar (2021-)", "Tatmadaw", "Tatmadaw")]
    [InlineData("Three Brotherhood Alliance", "  3BHA ", "3BHA")]
    public void An_actor_keeps_its_given_short_form_or_gets_one_from_ACLED_naming(string name, string? shortForm, string expected)
    {
        // Arrange
        var actor = new JsonObject { ["name"] = name };
        if (shortForm is not null)
        {
            actor["short"] = shortForm;
        }

        // Act
        var record = ReadOne(new CuratedJsonBuilder().With("actors", new JsonArray(actor)));

        // Assert
        Assert.Equal(new Actor(name, expected), Assert.Single(record.Event?.Actors ?? []));
    }

    [Fact]
    public void Every_problem_of_a_record_is_reported_at_once()
    {
        // Act
        var record = ReadOne(new CuratedJsonBuilder().Without("title").With("location.country", "Myanmar").Without("sources"));

        // Assert
        Assert.Equal(["title", "location.country", "sources"], record.Errors.Select(error => error.Field));
    }

    [Fact]
    public void A_wrong_type_in_a_multi_line_record_is_reported_on_the_line_of_the_field()
    {
        // Arrange: the record starts on line 5; its figure value is on line 5 + (lines before it).
        var record = new CuratedJsonBuilder().With("figures", JsonNode.Parse("""[{ "kind": "trucks", "value": "many", "reportedBy": "The Irrawaddy" }]""")).Build(indented: true);
        var valueLine = 5 + record.Split('\n').TakeWhile(line => !line.Contains("\"many\"", StringComparison.Ordinal)).Count();

        // Act
        var error = Assert.Single(Assert.Single(Read(CuratedJsonBuilder.File(record))).Errors);

        // Assert
        Assert.Equal(("figures[0].value", valueLine), (error.Field, error.Line));
    }

    private static List<ImportRecord> Read(string json) => CuratedJsonReader.Read(Encoding.UTF8.GetBytes(json)).ToList();

    private static ImportRecord ReadOne(CuratedJsonBuilder record) => Assert.Single(Read(CuratedJsonBuilder.File(record.Build())));
}
