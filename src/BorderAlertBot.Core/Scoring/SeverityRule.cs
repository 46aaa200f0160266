using BorderAlertBot.Domain;

namespace BorderAlertBot.Scoring;

/// <summary>One documented rule: when it applies it says "at least this severity, because …".</summary>
public sealed record SeverityRule(string Name, string Description, Func<SeverityInput, SeverityFinding?> Apply);
