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
        // By index: every event is assessed by six rules, and a foreach over the interface would allocate an enumerator each.
        long? lowest = null;
        for (var i = 0; i < Figures.Count; i++)
        {
            var figure = Figures[i];
            if (figure.Kind == kind && (lowest is null || figure.Value < lowest))
            {
                lowest = figure.Value;
            }
        }

        return lowest;
    }
}
