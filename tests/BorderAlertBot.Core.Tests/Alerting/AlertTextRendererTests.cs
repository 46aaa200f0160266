using System.Globalization;
using BorderAlertBot.Alerting;
using BorderAlertBot.Domain;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Core.Tests.Alerting;

public sealed class AlertTextRendererTests
{
    private static readonly Source Kia = new("Kachin Independence Army", new Uri("https://www.kachinland.news/laiza-1"), null);
    private static readonly Source Reuters = new("Reuters", new Uri("https://www.reuters.com/world/asia-pacific/laiza-2"), null);
    private static readonly Source ReutersFollowUp = new("Reuters", new Uri("https://reuters.com/world/asia-pacific/laiza-3"), null);

    [Fact]
    public void A_new_alert_shows_severity_kind_place_figures_and_every_source()
    {
        // Arrange
        var laiza = Laiza().Build();

        // Act
        var text = AlertTextRenderer.Render(laiza, AlertKind.New);

        // Assert
        var lines = text.Split('\n');
        Assert.Equal("[CRITICAL 5/5] Border clash · Air strike", lines[0]);
        Assert.Equal("Air strike on a camp near Laiza", lines[1]);
        Assert.Contains("Laiza, Kachin, MM · CN-MM border · 2023-10-09", lines);
        Assert.Contains("Figures: 29 killed (as reported by Kachin Independence Army)", lines);
        Assert.Contains("Sources (3 reports · 2 sources):", lines);
        Assert.Contains("  - Kachin Independence Army: https://www.kachinland.news/laiza-1", lines);
        Assert.Contains("  - Reuters: https://www.reuters.com/world/asia-pacific/laiza-2", lines);
        Assert.Contains("  - Reuters: https://reuters.com/world/asia-pacific/laiza-3", lines);
        Assert.DoesNotContain("UPDATED", text, StringComparison.Ordinal);
        Assert.DoesNotContain("RETRACTED", text, StringComparison.Ordinal);
        Assert.DoesNotContain("set by curator", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_figures_each_say_who_reported_them()
    {
        var laiza = Laiza().WithFigure(FigureKind.Injured, 57, "UN OCHA").Build();

        var text = AlertTextRenderer.Render(laiza, AlertKind.New);

        Assert.Contains("Figures: 29 killed (as reported by Kachin Independence Army); 57 injured (as reported by UN OCHA)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_update_is_marked_and_says_what_changed()
    {
        // Arrange
        var revised = Laiza().Build() with
        {
            Revision = new RevisionInfo(2, new DateTimeOffset(2023, 10, 10, 8, 0, 0, TimeSpan.Zero), "mya", ["+ figure: 57 injured (as reported by UN OCHA)", "title changed"]),
        };

        // Act
        var text = AlertTextRenderer.Render(revised, AlertKind.Updated);

        // Assert
        Assert.StartsWith("[CRITICAL 5/5] UPDATED · Border clash · Air strike", text, StringComparison.Ordinal);
        Assert.Contains("What changed (revision 2): + figure: 57 injured (as reported by UN OCHA); title changed", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_retraction_is_marked_with_its_reason()
    {
        var retracted = Laiza().WithStatus(EventStatus.Retracted, "The footage was from 2021.").Build();

        var text = AlertTextRenderer.Render(retracted, AlertKind.Retracted);

        Assert.StartsWith("[CRITICAL 5/5] RETRACTED · Border clash · Air strike", text, StringComparison.Ordinal);
        Assert.Contains("~~Air strike on a camp near Laiza~~", text, StringComparison.Ordinal);
        Assert.Contains("Retracted: The footage was from 2021.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_curator_override_shows_its_severity_and_what_the_rules_said()
    {
        var closure = new EventBuilder()
            .WithSubtype(EventSubtype.CrossingClosed)
            .WithFigure(FigureKind.TradeValueUsdPerYear, 250_000_000, "Reuters")
            .WithSeverityOverride(Severity.Critical, "largest crossing on the border")
            .Build();

        var text = AlertTextRenderer.Render(closure, AlertKind.New);

        Assert.StartsWith("[CRITICAL 5/5] Trade disruption · Crossing closed", text, StringComparison.Ordinal);
        Assert.Contains("Severity set by curator (largest crossing on the border); rules say High.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_distance_to_the_border_is_shown_when_known()
    {
        var laiza = Laiza().Build() with { Border = new BorderPosition(BorderPair.Parse("CN-MM"), 2.46) };

        var text = AlertTextRenderer.Render(laiza, AlertKind.New);

        Assert.Contains("Laiza, Kachin, MM · CN-MM border, 2.5 km · 2023-10-09", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_alert_reads_the_same_whatever_the_culture_of_the_machine()
    {
        // Arrange
        var laiza = Laiza().WithFigure(FigureKind.Displaced, 12_000, "UNHCR").Build() with
        {
            Border = new BorderPosition(BorderPair.Parse("CN-MM"), 2.46),
        };
        var original = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            // Act
            var text = AlertTextRenderer.Render(laiza, AlertKind.New);

            // Assert
            Assert.Contains("CN-MM border, 2.5 km", text, StringComparison.Ordinal);
            Assert.Contains("12,000 displaced (as reported by UNHCR)", text, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Theory]
    [InlineData(EventKind.BorderClash, "Border clash")]
    [InlineData(EventKind.CeasefireCall, "Ceasefire call")]
    [InlineData(EventKind.TradeDisruption, "Trade disruption")]
    public void Kinds_read_as_words(EventKind kind, string expected)
    {
        Assert.Equal(expected, AlertTextRenderer.Humanize(kind));
    }

    [Theory]
    [InlineData(EventSubtype.AirStrike, "Air strike")]
    [InlineData(EventSubtype.CeasefireViolation, "Ceasefire violation")]
    [InlineData(EventSubtype.TalksHeld, "Talks held")]
    [InlineData(EventSubtype.Shelling, "Shelling")]
    public void Subtypes_read_as_words(EventSubtype subtype, string expected)
    {
        Assert.Equal(expected, AlertTextRenderer.Humanize(subtype));
    }

    private static EventBuilder Laiza() => new EventBuilder()
        .WithId("evt_2023-10-09_laiza")
        .WithSubtype(EventSubtype.AirStrike)
        .WithTitle("Air strike on a camp near Laiza")
        .WithSummary("An air strike hit the Mung Lai Hkyet camp for displaced people near Laiza.")
        .OccurredOn(2023, 10, 9)
        .AtPlace("Laiza", admin1: "Kachin")
        .WithFigure(FigureKind.Fatalities, 29, "Kachin Independence Army")
        .WithSources(Kia, Reuters, ReutersFollowUp);
}
