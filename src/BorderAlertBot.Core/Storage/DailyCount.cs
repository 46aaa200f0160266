using BorderAlertBot.Domain;

namespace BorderAlertBot.Storage;

public sealed record DailyCount(DateOnly Day, EventKind Kind, int Count);
