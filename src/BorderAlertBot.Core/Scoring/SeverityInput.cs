using BorderAlertBot.Domain;

namespace BorderAlertBot.Scoring;

/// <summary>What the severity rules look at.</summary>
public sealed record SeverityInput(EventKind Kind, EventSubtype Subtype, IReadOnlyList<Figure> Figures)
{
    /// <summary>
    /// The most conservative reported value of a figure kind (the smallest, as ACLED does with fatalities),
    /// so one inflated claim cannot raise an alert on its own. Null when nobody reported that figure.
    /// </summary>
    public long? Conservative(FigureKind kind)
    {
        long? lowest = null;
        foreach (var figure in Figures)
        {
            if (figure.Kind == kind && (lowest is null || figure.Value < lowest))
            {
                lowest = figure.Value;
            }
        }

        return lowest;
    }
}
