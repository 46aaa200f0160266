using System.Globalization;
using BorderAlertBot.Answers;

namespace BorderAlertBot.Crossings;

/// <summary>One row of a crossings board as a message shows it; small and self-contained, so a digest can keep it.</summary>
public sealed record CrossingLine(string Name, CrossingStatus Status, DateTimeOffset? Since, EventLine? Last)
{
    public static CrossingLine Of(CrossingState state) =>
        new(state.Crossing.Name, state.Status, state.Since, state.LastEvent is { } last ? EventLine.Of(last) : null);

    /// <summary>"closed since 2023-10-27 · last: Trade halted at Chinshwehaw (evt_…)".</summary>
    public string Describe()
    {
        var status = Status.ToString().ToLowerInvariant();
        var since = Since is { } at ? string.Create(CultureInfo.InvariantCulture, $" since {at:yyyy-MM-dd}") : string.Empty;
        var last = Last is { } e ? $" · last: {e.Title} ({e.Id})" : " · no trade disruption on record";
        return status + since + last;
    }
}
