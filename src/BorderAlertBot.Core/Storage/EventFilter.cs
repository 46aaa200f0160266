using BorderAlertBot.Domain;

namespace BorderAlertBot.Storage;

/// <summary>Which events a query looks at. Null means "any"; the time bounds apply to when events occurred, [From, To).</summary>
public sealed record EventFilter
{
    public static EventFilter Everything { get; } = new();

    public IReadOnlyList<EventKind>? Kinds { get; init; }

    public RegionFilter? Region { get; init; }

    public Severity? MinSeverity { get; init; }

    public IReadOnlyList<EventStatus>? Statuses { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }
}
