using BorderAlertBot.Domain;
using BorderAlertBot.Ingestion.Acled;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Ingestion.Tests.Acled;

public sealed class AcledEventMapperTests
{
    [Theory]
    [InlineData("Battles", "Armed clash", "", EventSubtype.ArmedClash)]
    [InlineData("Battles", "Non-state actor overtakes territory", "", EventSubtype.TerritorySeized)]
    [InlineData("Battles", "Government regains territory", "", EventSubtype.TerritorySeized)]
    [InlineData("Explosions/Remote violence", "Air/drone strike", "", EventSubtype.AirStrike)]
    [InlineData("Explosions/Remote violence", "Shelling/artillery/missile attack", "", EventSubtype.Shelling)]
    [InlineData("Explosions/Remote violence", "Remote explosive/landmine/IED", "", EventSubtype.ArmedClash)]
    [InlineData("Strategic developments", "Non-violent transfer of territory", "", EventSubtype.TerritorySeized)]
    [InlineData("Strategic developments", "Agreement", "The alliance and the military agreed a ceasefire in Kunming.", EventSubtype.CeasefireAgreed)]
    [InlineData("Strategic developments", "Agreement", "Both sides signed a truce for northern Shan.", EventSubtype.CeasefireAgreed)]
    [InlineData("Strategic developments", "Agreement", "MNDAA and junta officials agreed to reopen border trade at Chinshwehaw.", EventSubtype.CrossingReopened)]
    [InlineData("Strategic developments", "Agreement", "A third round of talks was held in Kunming.", EventSubtype.TalksHeld)]
    [InlineData("Strategic developments", "Other", "The Kyin San Kyawt border gate was closed to traffic.", EventSubtype.CrossingClosed)]
    [InlineData("Strategic developments", "Other", "Trade through the Muse border gate was suspended.", EventSubtype.CrossingClosed)]
    [InlineData("Strategic developments", "Change to group/activity", "The 105-mile trade zone resumed operations.", EventSubtype.CrossingReopened)]
    [InlineData("Strategic developments", "Other", "The road to the Chin Shwe Haw gate was blocked by troops.", EventSubtype.RouteBlocked)]
    [InlineData("Strategic developments", "Looting/property destruction", "Over 100 trucks were burned at the Kyin San Kyawt border gate.", EventSubtype.CargoDestroyed)]
    [InlineData("Strategic developments", "Other", "The TNLA announced a unilateral ceasefire.", EventSubtype.CeasefireCalled)]
    [InlineData("Strategic developments", "Other", "Residents said the ceasefire was violated by shelling.", EventSubtype.CeasefireBroken)]
    [InlineData("Battle-No change of territory", "", "", EventSubtype.ArmedClash)]
    [InlineData("Battle-Non-state actor overtakes territory", "", "", EventSubtype.TerritorySeized)]
    [InlineData("Remote violence", "Air/drone strike", "", EventSubtype.AirStrike)]
    [InlineData("Non-violent transfer of territory", "", "", EventSubtype.TerritorySeized)]
    public void Each_event_type_maps_to_its_subtype(string eventType, string subEventType, string notes, EventSubtype expected)
    {
        var mapped = Map(new AcledRowBuilder().WithType(eventType, subEventType).With("notes", notes));

        Assert.Equal((expected.Kind(), expected), (mapped.Event!.Kind, mapped.Event.Subtype));
    }

    [Theory]
    [InlineData("Protests", "Peaceful protest", "Residents protested near the Muse border gate.")]
    [InlineData("Riots", "Mob violence", "")]
    [InlineData("Violence against civilians", "Attack", "")]
    [InlineData("Strategic developments", "Arrests", "Police arrested traders at the Muse border gate, which was closed.")]
    [InlineData("Strategic developments", "Headquarters or base established", "")]
    [InlineData("Strategic developments", "Agreement", "A prisoner exchange was agreed.")]
    [InlineData("Strategic developments", "Other", "The Muse border gate was busy.")]
    [InlineData("Strategic developments", "Other", "A museum reopened.")]
    public void Rows_of_types_the_bot_does_not_track_are_out_of_scope_not_errors(string eventType, string subEventType, string notes)
    {
        var mapped = Map(new AcledRowBuilder().WithType(eventType, subEventType).With("notes", notes));

        Assert.Null(mapped.Event);
        Assert.Empty(mapped.Errors);
        Assert.Equal($"{eventType} / {subEventType}", mapped.OutOfScope);
    }

    [Theory]
    [InlineData("MNTJP/MNDAA: Myanmar National Truth and Justice Party/Myanmar National Democratic Alliance Army", "MNDAA")]
    [InlineData("PSLF/TNLA: Palaung State Liberation Front/Ta'ang National Liberation Army", "TNLA")]
    [InlineData("KIO/KIA: Kachin Independence Organization/Kachin Independence Army", "KIA")]
    [InlineData("PDF: People's Defense Force", "PDF")]
    [InlineData("Military Forces of Myanmar (2021-)", "Myanmar military")]
    [InlineData("Military Forces of Myanmar (2021-) Border Guard Force", "Myanmar military (Border Guard Force)")]
    [InlineData("Police Forces of Myanmar (2021-)", "Myanmar police")]
    [InlineData("Civilians (Myanmar)", "Civilians")]
    [InlineData("Unidentified Armed Group (Myanmar)", "Unidentified Armed Group")]
    [InlineData("Three Brotherhood Alliance", "Three Brotherhood Alliance")]
    public void Actor_names_get_a_readable_short_form(string name, string shortName)
    {
        var mapped = Map(new AcledRowBuilder().With("actor1", name).With("actor2", string.Empty));

        Assert.Equal([new Actor(name, shortName)], mapped.Event!.Actors);
    }

    [Fact]
    public void Associated_actors_are_split_and_every_actor_is_listed_once()
    {
        var row = new AcledRowBuilder()
            .With("assoc_actor_1", "PSLF/TNLA: Palaung State Liberation Front/Ta'ang National Liberation Army; ULA/AA: United League of Arakan/Arakan Army")
            .With("assoc_actor_2", "Military Forces of Myanmar (2021-)");

        var mapped = Map(row);

        Assert.Equal(["MNDAA", "TNLA", "AA", "Myanmar military"], mapped.Event!.Actors.Select(actor => actor.ShortName));
    }

    [Theory]
    [InlineData("0", null, Severity.Moderate)]
    [InlineData("4", 4L, Severity.Moderate)]
    [InlineData("12", 12L, Severity.High)]
    [InlineData("29", 29L, Severity.Critical)]
    public void Fatalities_become_ACLEDs_figure_and_zero_is_no_figure(string fatalities, long? figure, Severity severity)
    {
        var mapped = Map(new AcledRowBuilder().With("fatalities", fatalities));

        Assert.Equal(figure is null ? [] : [new Figure(FigureKind.Fatalities, figure.Value, "ACLED")], mapped.Event!.Figures);
        Assert.Equal(severity, mapped.Event.Severity.Computed);
    }

    [Theory]
    [InlineData("1", "Laukkaing", LocationPrecision.Exact)]
    [InlineData("2", "Laukkaing", LocationPrecision.Near)]
    [InlineData("3", "Laukkaing", LocationPrecision.Township)]
    [InlineData("3", "", LocationPrecision.Region)]
    public void Geo_precision_sets_how_far_the_point_can_be_trusted(string geoPrecision, string admin3, LocationPrecision expected)
    {
        var location = Map(new AcledRowBuilder().With("geo_precision", geoPrecision).With("admin3", admin3)).Event!.Location!;

        Assert.Equal(expected, location.Precision);
        Assert.Equal(expected is LocationPrecision.Exact or LocationPrecision.Near, location.HasPreciseCoordinates);
    }

    [Theory]
    [InlineData("1", TimePrecision.Day)]
    [InlineData("2", TimePrecision.Week)]
    [InlineData("3", TimePrecision.Month)]
    public void Time_precision_carries_over(string timePrecision, TimePrecision expected) =>
        Assert.Equal(expected, Map(new AcledRowBuilder().With("time_precision", timePrecision)).Event!.Occurred.Precision);

    [Theory]
    [InlineData("104", "", "", "MM")]
    [InlineData("", "MMR", "", "MM")]
    [InlineData("", "", "Myanmar", "MM")]
    [InlineData("156", "", "China", "CN")]
    [InlineData("764", "", "Thailand", "TH")]
    public void The_country_comes_from_the_iso_number_the_alpha3_code_or_the_name(string iso, string iso3, string country, string expected)
    {
        var row = new AcledRowBuilder().With("iso", iso).With("iso3", iso3).With("country", country);

        Assert.Equal(expected, Map(row).Event!.Location!.CountryCode);
    }

    [Fact]
    public void The_event_names_its_place_actors_and_ACLED_with_the_outlets_it_cites()
    {
        var row = new AcledRowBuilder().WithType("Battles", "Non-state actor overtakes territory").With("location", "Chinshwehaw")
            .With("source", "Irrawaddy; Myanmar Now").With("event_id_cnty", "MMR22121");

        var mapped = Map(row).Event!;

        Assert.Equal("Non-state actor overtakes territory at Chinshwehaw (MNDAA, Myanmar military)", mapped.Title);
        var source = Assert.Single(mapped.Sources);
        Assert.Equal(("ACLED, citing Irrawaddy; Myanmar Now", "https://acleddata.com/api/acled/read?event_id_cnty=MMR22121"), (source.Name, source.Url.AbsoluteUri));
        Assert.Equal(("evt_acled_mmr22121", "acled:MMR22121"), (mapped.Id.Value, mapped.ExternalIds.Single()));
    }

    [Fact]
    public void Long_notes_are_cut_at_the_last_sentence_that_fits()
    {
        var sentence = "Fighting continued near the gate for a further day, residents said. ";
        var notes = string.Concat(Enumerable.Repeat(sentence, 12));

        var summary = Map(new AcledRowBuilder().With("notes", notes)).Event!.Summary;

        Assert.True(summary.Length <= ConflictEvent.MaxSummaryLength, $"{summary.Length} characters");
        Assert.EndsWith("residents said. …", summary, StringComparison.Ordinal);
        Assert.True(summary.Length > 500);
    }

    [Fact]
    public void Every_bad_field_of_a_row_is_reported_by_its_column()
    {
        var row = new AcledRowBuilder().With("event_id_cnty", "MMR 1").With("geo_precision", "4").With("actor1", " ")
            .With("longitude", "east").With("time_precision", "9");

        var mapped = AcledEventMapper.Map(ToRow(row), index: 7, line: 12);

        Assert.Null(mapped.Event);
        Assert.Equal(
            ["event_id_cnty", "time_precision", "longitude", "geo_precision", "actor1"],
            mapped.Errors.Select(error => error.Field));
        Assert.All(mapped.Errors, error => Assert.Equal((7, 12), (error.Index, error.Line)));
    }

    internal static AcledMapResult Map(AcledRowBuilder row) => AcledEventMapper.Map(ToRow(row), 0, 2);

    internal static AcledRow ToRow(AcledRowBuilder row) => AcledRow.From(column => row[column]);
}
