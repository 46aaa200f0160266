using System.Globalization;
using BorderAlertBot.Alerting;
using BorderAlertBot.Domain;
using ScottPlot;

namespace BorderAlertBot.Charts;

/// <summary>How each kind looks and reads on a chart.</summary>
internal static class EventKindStyle
{
    /// <summary>
    /// Okabe–Ito colours (Okabe &amp; Ito, "Color Universal Design"), chosen to stay distinct under the common colour-vision
    /// deficiencies; stacked segments also get a white separator, so neighbours never rely on hue alone. Indexed by the
    /// kind's value: border clash, ceasefire call, trade disruption; the rest wait for kinds yet to come.
    /// </summary>
    private static readonly Color[] Palette =
    [
        Color.FromHex("#D55E00"), // vermillion
        Color.FromHex("#0072B2"), // blue
        Color.FromHex("#E69F00"), // orange
        Color.FromHex("#CC79A7"), // reddish purple
        Color.FromHex("#009E73"), // bluish green
        Color.FromHex("#56B4E9"), // sky blue
    ];

    public static Color ColorOf(EventKind kind) => Palette[(int)kind % Palette.Length];

    /// <summary>"Border clash", as alerts write it.</summary>
    public static string NameOf(EventKind kind) => AlertTextRenderer.Humanize(kind);

    /// <summary>"1 border clash", "3 trade disruptions", "no ceasefire calls".</summary>
    public static string CountOf(EventKind kind, int count)
    {
        var noun = NameOf(kind).ToLowerInvariant();
        var plural = AlertTextRenderer.Plural(kind).ToLowerInvariant();
        return count switch
        {
            0 => $"no {plural}",
            1 => $"1 {noun}",
            _ => string.Create(CultureInfo.InvariantCulture, $"{count} {plural}"),
        };
    }
}
