using BorderAlertBot.Domain;

namespace BorderAlertBot.Digests;

/// <summary>
/// What every digest reads of one event, worked out once per event rather than once per digest that matches it: a run
/// matches each event against thousands of digests.
/// </summary>
internal readonly struct DigestEvent
{
    public DigestEvent(ConflictEvent conflictEvent)
    {
        Event = conflictEvent;
        At = conflictEvent.Occurred.At.UtcTicks;
        Kind = (int)conflictEvent.Kind;
        Day = DateOnly.FromDateTime(conflictEvent.Occurred.At.UtcDateTime).DayNumber;
        LowestDisplaced = -1;
        foreach (var figure in conflictEvent.Figures)
        {
            if (figure.Kind == FigureKind.Displaced && (LowestDisplaced < 0 || figure.Value < LowestDisplaced))
            {
                LowestDisplaced = figure.Value;
            }
        }
    }

    public ConflictEvent Event { get; }

    /// <summary>When it occurred, in UTC ticks.</summary>
    public long At { get; }

    public int Kind { get; }

    /// <summary>Its UTC day, as <see cref="DateOnly.DayNumber"/>.</summary>
    public int Day { get; }

    /// <summary>The most conservative displaced figure reported, or −1 when none is.</summary>
    public long LowestDisplaced { get; }
}
