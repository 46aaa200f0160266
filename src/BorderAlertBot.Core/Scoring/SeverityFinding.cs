using BorderAlertBot.Domain;

namespace BorderAlertBot.Scoring;

public sealed record SeverityFinding(Severity AtLeast, string Reason);
