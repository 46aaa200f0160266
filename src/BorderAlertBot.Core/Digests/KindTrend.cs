using BorderAlertBot.Domain;

namespace BorderAlertBot.Digests;

/// <summary>
/// How many events of one kind a digest window holds, against the window before it and against the 4-week weekly average
/// (ARCHITECTURE.md §8). A <b>surge</b> is at least double what the 4-week average gives for a window this long (a change
/// of +100 % or more), and at least <see cref="MinSurgeCount"/> events, so one event after a quiet month is not a surge.
/// </summary>
/// <param name="FourWeeks">Events in the 28 days before the window.</param>
/// <param name="WindowDays">The window's length in days (1 for a daily digest).</param>
public sealed record KindTrend(EventKind Kind, int Current, int Previous, int FourWeeks, double WindowDays)
{
    /// <summary>The change against the average at or above which a kind surges: +100 %.</summary>
    public const double SurgeChange = 1.0;

    public const int MinSurgeCount = 2;

    public double WeeklyAverage => FourWeeks / 4.0;

    /// <summary>What the 4-week average gives for a window of this length.</summary>
    public double ExpectedInWindow => WeeklyAverage * WindowDays / 7.0;

    /// <summary>The change against the window before, as a fraction (+1.5 is +150 %); null when that window was empty.</summary>
    public double? ChangeVsPrevious => Previous == 0 ? null : (Current - Previous) / (double)Previous;

    /// <summary>The change against the 4-week average, as a fraction; null when the four weeks were empty.</summary>
    public double? ChangeVsAverage => FourWeeks == 0 ? null : (Current - ExpectedInWindow) / ExpectedInWindow;

    // Compared as "at least double" with a little slack, so 2 against an average of exactly 1 is a surge despite rounding.
    public bool IsSurge => Current >= MinSurgeCount && Current >= ((1 + SurgeChange) * ExpectedInWindow) - 1e-9;
}
