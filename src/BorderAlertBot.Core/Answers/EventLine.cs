using BorderAlertBot.Domain;

namespace BorderAlertBot.Answers;

/// <summary>
/// An event as a list shows it: severity, title, place, date, id and its first source. Small and self-contained, so a
/// digest composed at its slot can keep its lists until it is sent, and every platform renders the same facts.
/// </summary>
public sealed record EventLine(EventId Id, Severity Severity, EventStatus Status, string Title, string Where, string When, Uri? Source)
{
    public static EventLine Of(ConflictEvent conflictEvent) => new(
        conflictEvent.Id,
        conflictEvent.Severity.Effective,
        conflictEvent.Status,
        conflictEvent.Title,
        conflictEvent.Location?.Describe() ?? "no location",
        conflictEvent.Occurred.Describe(),
        conflictEvent.Sources.Count > 0 ? conflictEvent.Sources[0].Url : null);
}
