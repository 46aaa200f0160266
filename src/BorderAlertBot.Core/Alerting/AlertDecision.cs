using BorderAlertBot.Domain;

namespace BorderAlertBot.Alerting;

/// <summary>Whether a revision deserves an alert to a subscription that wants everything verified, and which kind.</summary>
public static class AlertDecision
{
    /// <param name="current">The revision just written.</param>
    /// <param name="previous">The revision before it, or null for a new event.</param>
    public static AlertKind? For(ConflictEvent current, ConflictEvent? previous)
    {
        var wasAlerted = previous?.Status == EventStatus.Verified;
        return current.Status switch
        {
            EventStatus.Verified => wasAlerted ? AlertKind.Updated : AlertKind.New,
            EventStatus.Retracted when wasAlerted => AlertKind.Retracted,
            _ => null,
        };
    }
}
