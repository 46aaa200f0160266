using System.Text.Json;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Ingestion.Tests;

public sealed class SampleScenarioTests
{
    [Fact]
    public void The_steps_come_in_file_name_order()
    {
        // Act
        var steps = SampleScenario.Steps;

        // Assert
        Assert.Equal(2, steps.Count);
        Assert.StartsWith("01-", steps[0], StringComparison.Ordinal);
        Assert.StartsWith("02-", steps[1], StringComparison.Ordinal);
        Assert.All(steps, step => Assert.EndsWith(".json", step, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_record_of_every_step_is_valid()
    {
        // Act
        var errors = SampleScenario.Steps.SelectMany(step => SampleScenario.Read(step).SelectMany(record => record.Errors).Select(error => $"{step}: {error}")).ToList();

        // Assert
        Assert.True(errors.Count == 0, "The sample has invalid records:\n" + string.Join("\n", errors));
    }

    [Fact]
    public void The_scenario_has_at_least_15_events_of_all_three_kinds_between_October_2023_and_March_2024()
    {
        // Act
        var events = AllEvents();

        // Assert
        Assert.True(events.Select(e => e.Id).Distinct().Count() >= 15, $"Only {events.Select(e => e.Id).Distinct().Count()} distinct events.");
        Assert.All(events, e => Assert.InRange(e.Occurred.At, new DateTimeOffset(2023, 10, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 3, 31, 23, 59, 59, TimeSpan.Zero)));
        Assert.Equal(Enum.GetValues<EventKind>(), events.Select(e => e.Kind).Distinct().Order());
    }

    [Fact]
    public void Every_source_url_in_the_files_is_http_or_https()
    {
        // Act: read the raw files, so a bad URL counts even in a record the reader would reject.
        var urls = SampleScenario.Steps.SelectMany(RawSourceUrls).ToList();

        // Assert
        Assert.NotEmpty(urls);
        Assert.All(urls, url => Assert.True(
            Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps),
            $"'{url}' is not an http(s) URL."));
    }

    [Fact]
    public void The_second_step_revises_events_of_the_first_and_retracts_one_with_a_reason()
    {
        // Arrange
        var first = Events(SampleScenario.Steps[0]).Select(e => e.Id).ToHashSet();

        // Act
        var second = Events(SampleScenario.Steps[1]);

        // Assert
        Assert.Contains(second, e => first.Contains(e.Id));
        Assert.Contains(second, e => e.Status == EventStatus.Retracted && !string.IsNullOrWhiteSpace(e.StatusReason) && first.Contains(e.Id));
    }

    [Theory]
    [InlineData("evt_laiza_camp_strike_2023", EventSubtype.AirStrike)]
    [InlineData("evt_chinshwehaw_seized_2023", EventSubtype.TerritorySeized)]
    [InlineData("evt_nshan_displacement_2023", EventSubtype.ArmedClash)]
    [InlineData("evt_china_nong_rong_ceasefire_call_2023", EventSubtype.CeasefireCalled)]
    [InlineData("evt_kyin_san_kyawt_trucks_burned_2023", EventSubtype.CargoDestroyed)]
    [InlineData("evt_laukkai_surrender_2024", EventSubtype.TerritorySeized)]
    [InlineData("evt_haigeng_ceasefire_2024", EventSubtype.CeasefireAgreed)]
    [InlineData("evt_chinshwehaw_trade_reopened_2024", EventSubtype.CrossingReopened)]
    public void The_events_the_scenario_is_about_are_present(string id, EventSubtype subtype)
    {
        // Act
        var found = AllEvents().Where(e => e.Id.Value == id).ToList();

        // Assert
        Assert.NotEmpty(found);
        Assert.All(found, e => Assert.Equal(subtype, e.Subtype));
    }

    [Fact]
    public void The_displacement_event_reports_23000_newly_displaced_as_reported_by_UN_OCHA()
    {
        // Act
        var displacement = Assert.Single(Events(SampleScenario.Steps[0]), e => e.Id.Value == "evt_nshan_displacement_2023");

        // Assert
        Assert.Contains(new Figure(FigureKind.Displaced, 23_000, "UN OCHA"), displacement.Figures.Select(figure => figure with { Note = null }));
    }

    [Fact]
    public void Reading_a_step_that_does_not_exist_is_refused()
    {
        // Act and Assert
        var exception = Assert.Throws<ArgumentException>(() => SampleScenario.Read("03-missing.json"));
        Assert.Contains("03-missing.json", exception.Message, StringComparison.Ordinal);
    }

    private static List<ConflictEvent> Events(string step) =>
        SampleScenario.Read(step).Select(record => record.Event).OfType<ConflictEvent>().ToList();

    private static IEnumerable<string?> RawSourceUrls(string step)
    {
        using var stream = typeof(SampleScenario).Assembly.GetManifestResourceStream("BorderAlertBot.Sample." + step)!; // Steps lists only these resources.
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("events").EnumerateArray()
            .SelectMany(record => record.GetProperty("sources").EnumerateArray())
            .Select(source => source.GetProperty("url").GetString())
            .ToList();
    }

    private static List<ConflictEvent> AllEvents() => SampleScenario.Steps.SelectMany(Events).ToList();
}
