using BorderAlertBot.Domain;
using BorderAlertBot.Scoring;

namespace BorderAlertBot.Core.Tests.Scoring;

public sealed class SeverityRulesTests
{
    [Theory]
    [InlineData(EventSubtype.ArmedClash, Severity.Moderate)]
    [InlineData(EventSubtype.CeasefireCalled, Severity.Moderate)]
    [InlineData(EventSubtype.TalksHeld, Severity.Moderate)]
    [InlineData(EventSubtype.CargoDestroyed, Severity.Moderate)]
    [InlineData(EventSubtype.RouteBlocked, Severity.Moderate)]
    [InlineData(EventSubtype.CrossingReopened, Severity.Moderate)]
    [InlineData(EventSubtype.AirStrike, Severity.Significant)]
    [InlineData(EventSubtype.Shelling, Severity.Significant)]
    [InlineData(EventSubtype.CeasefireViolation, Severity.Significant)]
    [InlineData(EventSubtype.CeasefireBroken, Severity.Significant)]
    [InlineData(EventSubtype.CrossingClosed, Severity.Significant)]
    [InlineData(EventSubtype.SanctionImposed, Severity.Significant)]
    [InlineData(EventSubtype.TerritorySeized, Severity.High)]
    [InlineData(EventSubtype.CeasefireAgreed, Severity.High)]
    public void Without_figures_an_event_gets_the_base_severity_of_its_subtype(EventSubtype subtype, Severity expected)
    {
        var assessment = Assess(subtype);

        Assert.Equal(expected, assessment.Computed);
        Assert.Equal([$"{subtype} is at least {expected}"], assessment.Reasons);
    }

    // An armed clash starts at Moderate, so each row shows what one figure alone adds on top of the lowest base.
    [Theory]
    [InlineData(FigureKind.Fatalities, 4L, Severity.Moderate)]
    [InlineData(FigureKind.Fatalities, 5L, Severity.Significant)]
    [InlineData(FigureKind.Fatalities, 9L, Severity.Significant)]
    [InlineData(FigureKind.Fatalities, 10L, Severity.High)]
    [InlineData(FigureKind.Fatalities, 24L, Severity.High)]
    [InlineData(FigureKind.Fatalities, 25L, Severity.Critical)]
    [InlineData(FigureKind.Injured, 9L, Severity.Moderate)]
    [InlineData(FigureKind.Injured, 10L, Severity.Significant)]
    [InlineData(FigureKind.Injured, 49L, Severity.Significant)]
    [InlineData(FigureKind.Injured, 50L, Severity.High)]
    [InlineData(FigureKind.Injured, 5_000L, Severity.High)]
    [InlineData(FigureKind.Displaced, 999L, Severity.Moderate)]
    [InlineData(FigureKind.Displaced, 1_000L, Severity.Significant)]
    [InlineData(FigureKind.Displaced, 9_999L, Severity.Significant)]
    [InlineData(FigureKind.Displaced, 10_000L, Severity.High)]
    [InlineData(FigureKind.Displaced, 49_999L, Severity.High)]
    [InlineData(FigureKind.Displaced, 50_000L, Severity.Critical)]
    [InlineData(FigureKind.TradeValueUsdPerYear, 9_999_999L, Severity.Moderate)]
    [InlineData(FigureKind.TradeValueUsdPerYear, 10_000_000L, Severity.Significant)]
    [InlineData(FigureKind.TradeValueUsdPerYear, 99_999_999L, Severity.Significant)]
    [InlineData(FigureKind.TradeValueUsdPerYear, 100_000_000L, Severity.High)]
    [InlineData(FigureKind.TradeValueUsdPerYear, 999_999_999L, Severity.High)]
    [InlineData(FigureKind.TradeValueUsdPerYear, 1_000_000_000L, Severity.Critical)]
    [InlineData(FigureKind.Trucks, 9L, Severity.Moderate)]
    [InlineData(FigureKind.Trucks, 10L, Severity.Significant)]
    [InlineData(FigureKind.Trucks, 99L, Severity.Significant)]
    [InlineData(FigureKind.Trucks, 100L, Severity.High)]
    [InlineData(FigureKind.Trucks, 10_000L, Severity.High)]
    [InlineData(FigureKind.CargoValueUsd, 999_999L, Severity.Moderate)]
    [InlineData(FigureKind.CargoValueUsd, 1_000_000L, Severity.Significant)]
    [InlineData(FigureKind.CargoValueUsd, 9_999_999L, Severity.Significant)]
    [InlineData(FigureKind.CargoValueUsd, 10_000_000L, Severity.High)]
    [InlineData(FigureKind.CargoValueUsd, 1_000_000_000L, Severity.High)]
    public void A_figure_raises_the_severity_from_its_threshold_on(FigureKind kind, long value, Severity expected)
    {
        var assessment = Assess(EventSubtype.ArmedClash, new Figure(kind, value, "UN OCHA"));

        Assert.Equal(expected, assessment.Computed);
    }

    // One killed lifts an event to Moderate, no higher than any base; the reason is the only trace of that threshold.
    [Theory]
    [InlineData(0L, null)]
    [InlineData(1L, "1 killed (≥ 1) → Moderate")]
    [InlineData(4L, "4 killed (≥ 1) → Moderate")]
    [InlineData(5L, "5 killed (≥ 5) → Significant")]
    [InlineData(25L, "25 killed (≥ 25) → Critical")]
    public void The_reasons_name_the_fatality_threshold_that_was_reached(long killed, string? expectedReason)
    {
        var assessment = Assess(EventSubtype.ArmedClash, new Figure(FigureKind.Fatalities, killed, "UN OCHA"));

        var figureReasons = assessment.Reasons.Where(reason => reason.Contains("killed", StringComparison.Ordinal)).ToList();
        if (expectedReason is null)
        {
            Assert.Empty(figureReasons);
        }
        else
        {
            Assert.Equal([expectedReason], figureReasons);
        }
    }

    [Fact]
    public void A_figure_below_every_threshold_adds_no_reason()
    {
        var assessment = Assess(EventSubtype.RouteBlocked, new Figure(FigureKind.Trucks, 9, "Myanmar Now"));

        Assert.Equal(["RouteBlocked is at least Moderate"], assessment.Reasons);
    }

    [Fact]
    public void The_lowest_of_two_reports_of_one_figure_counts()
    {
        // Arrange: the armed group claims 30 dead, the UN counts 6.
        var claim = new Figure(FigureKind.Fatalities, 30, "MNDAA");
        var count = new Figure(FigureKind.Fatalities, 6, "UN OCHA");

        // Act
        var either = Assess(EventSubtype.ArmedClash, claim, count);
        var reversed = Assess(EventSubtype.ArmedClash, count, claim);

        // Assert
        Assert.Equal(Severity.Significant, either.Computed);
        Assert.Equal(Severity.Significant, reversed.Computed);
        Assert.Contains("6 killed (≥ 5) → Significant", either.Reasons);
    }

    [Fact]
    public void The_highest_rule_wins_across_figure_kinds()
    {
        var assessment = Assess(EventSubtype.Shelling,
            new Figure(FigureKind.Fatalities, 3, "UN OCHA"),
            new Figure(FigureKind.Displaced, 12_000, "UNHCR"));

        Assert.Equal(Severity.High, assessment.Computed);
        Assert.Equal(3, assessment.Reasons.Count);
    }

    [Fact]
    public void A_crossing_reopening_is_capped_at_high_whatever_its_trade_value()
    {
        var assessment = Assess(EventSubtype.CrossingReopened, new Figure(FigureKind.TradeValueUsdPerYear, 1_800_000_000, "Reuters"));

        Assert.Equal(Severity.High, assessment.Computed);
        Assert.Contains("a reopening is capped at High", assessment.Reasons);
    }

    [Fact]
    public void A_crossing_closure_with_the_same_trade_value_is_critical()
    {
        var assessment = Assess(EventSubtype.CrossingClosed, new Figure(FigureKind.TradeValueUsdPerYear, 1_800_000_000, "Reuters"));

        Assert.Equal(Severity.Critical, assessment.Computed);
        Assert.DoesNotContain("a reopening is capped at High", assessment.Reasons);
    }

    [Fact]
    public void The_laiza_air_strike_with_29_killed_is_critical()
    {
        var assessment = Assess(EventSubtype.AirStrike, new Figure(FigureKind.Fatalities, 29, "Kachin Independence Army"));

        Assert.Equal(Severity.Critical, assessment.Computed);
        Assert.Equal(Severity.Critical, assessment.Effective);
    }

    [Fact]
    public void A_curator_override_changes_the_effective_severity_but_keeps_what_the_rules_said()
    {
        // Arrange
        var input = new SeverityInput(EventKind.TradeDisruption, EventSubtype.CrossingClosed,
            [new Figure(FigureKind.TradeValueUsdPerYear, 250_000_000, "Reuters")]);
        var withoutOverride = SeverityRules.Assess(input, null);

        // Act
        var withOverride = SeverityRules.Assess(input, new SeverityOverride(Severity.Critical, "largest crossing on the border"));

        // Assert
        Assert.Equal(Severity.High, withoutOverride.Effective);
        Assert.Equal(Severity.Critical, withOverride.Effective);
        Assert.Equal(Severity.High, withOverride.Computed);
        Assert.Equal(withoutOverride.Reasons, withOverride.Reasons);
        Assert.Equal("Critical (5), set by curator: largest crossing on the border; rules say High (4)", withOverride.Describe());
    }

    [Fact]
    public void Every_rule_is_described()
    {
        Assert.NotEmpty(SeverityRules.All);
        Assert.All(SeverityRules.All, rule =>
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Name));
            Assert.False(string.IsNullOrWhiteSpace(rule.Description));
        });
    }

    private static SeverityAssessment Assess(EventSubtype subtype, params Figure[] figures) =>
        SeverityRules.Assess(new SeverityInput(subtype.Kind(), subtype, figures), null);
}
