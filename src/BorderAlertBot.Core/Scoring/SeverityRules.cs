using System.Globalization;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Scoring;

/// <summary>
/// The documented severity rules (README "Severity rules"). The computed severity is the highest that any rule gives,
/// and never below Low. A curator's override is kept beside it, not instead of it.
/// </summary>
public static class SeverityRules
{
    public static IReadOnlyList<SeverityRule> All { get; } =
    [
        new("subtype", "Every subtype has a base: CeasefireCalled, TalksHeld, CargoDestroyed, RouteBlocked, CrossingReopened, ArmedClash → Moderate; AirStrike, Shelling, CeasefireViolation, CeasefireBroken, CrossingClosed, SanctionImposed → Significant; TerritorySeized, CeasefireAgreed → High.",
            input => new SeverityFinding(BaseOf(input.Subtype), $"{input.Subtype} is at least {BaseOf(input.Subtype)}")),
        Threshold("fatalities", FigureKind.Fatalities, "killed", (1, Severity.Moderate), (5, Severity.Significant), (10, Severity.High), (25, Severity.Critical)),
        Threshold("injured", FigureKind.Injured, "injured", (10, Severity.Significant), (50, Severity.High)),
        Threshold("displaced", FigureKind.Displaced, "displaced", (1_000, Severity.Significant), (10_000, Severity.High), (50_000, Severity.Critical)),
        Threshold("trade value", FigureKind.TradeValueUsdPerYear, "USD/yr trade affected", (10_000_000, Severity.Significant), (100_000_000, Severity.High), (1_000_000_000, Severity.Critical)),
        Threshold("trucks", FigureKind.Trucks, "trucks", (10, Severity.Significant), (100, Severity.High)),
        Threshold("cargo value", FigureKind.CargoValueUsd, "USD cargo", (1_000_000, Severity.Significant), (10_000_000, Severity.High)),
    ];

    /// <summary>The one rule that lowers: documented beside <see cref="All"/>.</summary>
    public const string ReopeningCap =
        "A crossing reopening is good news: whatever its trade value, it is at most High, so it never breaks through quiet hours.";

    public static SeverityAssessment Assess(SeverityInput input, SeverityOverride? curatorOverride)
    {
        var computed = Severity.Low;
        var reasons = new List<string>();
        for (var i = 0; i < All.Count; i++) // By index: no enumerator allocated for every event assessed.
        {
            if (All[i].Apply(input) is { } finding)
            {
                reasons.Add(finding.Reason);
                if (finding.AtLeast > computed)
                {
                    computed = finding.AtLeast;
                }
            }
        }

        if (input.Subtype == EventSubtype.CrossingReopened && computed > Severity.High)
        {
            computed = Severity.High;
            reasons.Add("a reopening is capped at High");
        }

        return new SeverityAssessment(computed, reasons, curatorOverride);
    }

    private static Severity BaseOf(EventSubtype subtype) => subtype switch
    {
        EventSubtype.TerritorySeized or EventSubtype.CeasefireAgreed => Severity.High,
        EventSubtype.AirStrike or EventSubtype.Shelling or EventSubtype.CeasefireViolation or EventSubtype.CeasefireBroken
            or EventSubtype.CrossingClosed or EventSubtype.SanctionImposed => Severity.Significant,
        _ => Severity.Moderate,
    };

    private static SeverityRule Threshold(string name, FigureKind kind, string unit, params (long Minimum, Severity Severity)[] steps)
    {
        var description = $"{char.ToUpperInvariant(name[0])}{name[1..]} (most conservative reported figure): "
            + string.Join("; ", steps.Select(step => $"≥ {step.Minimum.ToString("N0", CultureInfo.InvariantCulture)} → {step.Severity}")) + ".";
        return new SeverityRule(name, description, input =>
        {
            if (input.Conservative(kind) is not { } value)
            {
                return null;
            }

            for (var i = steps.Length - 1; i >= 0; i--)
            {
                if (value >= steps[i].Minimum)
                {
                    return new SeverityFinding(steps[i].Severity,
                        $"{value.ToString("N0", CultureInfo.InvariantCulture)} {unit} (≥ {steps[i].Minimum.ToString("N0", CultureInfo.InvariantCulture)}) → {steps[i].Severity}");
                }
            }

            return null;
        });
    }
}
