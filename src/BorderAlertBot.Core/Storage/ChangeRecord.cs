using BorderAlertBot.Domain;

namespace BorderAlertBot.Storage;

/// <summary>One entry of the change feed.</summary>
public sealed record ChangeRecord(long Sequence, EventId EventId, int Revision, ChangeKind Kind, EventStatus Status, DateTimeOffset At);
