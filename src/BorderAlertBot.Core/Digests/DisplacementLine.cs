using BorderAlertBot.Answers;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Digests;

/// <summary>An event of a digest's window that reports people displaced, with every report of the figure (none is averaged away).</summary>
public sealed record DisplacementLine(EventLine Event, IReadOnlyList<Figure> Figures)
{
    /// <summary>The most conservative report, which ranks the line (as the severity rules read figures).</summary>
    public long Lowest => Figures.Min(figure => figure.Value);

    /// <summary>"23,000 displaced (as reported by Mizzima); 50,000 displaced (as reported by UN OCHA)".</summary>
    public string Describe() => string.Join("; ", Figures.OrderBy(figure => figure.Value).Select(figure => figure.Describe()));
}
