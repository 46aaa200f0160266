using BorderAlertBot.Domain;

namespace BorderAlertBot.Alerting;

/// <summary>How a message names an event that was withdrawn: retracted, rejected by a curator, or merged into another.</summary>
public static class Withdrawal
{
    /// <summary>"Retracted", "Rejected" or "Merged", for the line that gives the reason.</summary>
    public static string Word(ConflictEvent conflictEvent) => conflictEvent.Status switch
    {
        EventStatus.Rejected => "Rejected",
        EventStatus.Merged => "Merged",
        _ => "Retracted",
    };

    /// <summary>"RETRACTED · ", "REJECTED · " or "MERGED · ", for the banner.</summary>
    public static string Banner(ConflictEvent conflictEvent) => Word(conflictEvent).ToUpperInvariant() + " · ";

    /// <summary>The reason as the curator or source gave it.</summary>
    public static string Reason(ConflictEvent conflictEvent) => conflictEvent.StatusReason ?? "no reason given";
}
