using BorderAlertBot.Domain;

namespace BorderAlertBot.Alerting;

/// <summary>How a message names an event that was withdrawn: retracted, rejected by a curator, or merged into another.</summary>
public static class Withdrawal
{
    /// <summary>"Retracted", "Rejected" or "Merged", for the line that gives the reason.</summary>
    public static string Word(ConflictEvent conflictEvent) => Word(conflictEvent.Status);

    /// <summary>"Retracted", "Rejected" or "Merged", for the line that gives the reason.</summary>
    public static string Word(EventStatus status) => status switch
    {
        EventStatus.Rejected => "Rejected",
        EventStatus.Merged => "Merged",
        _ => "Retracted",
    };

    /// <summary>"RETRACTED · ", "REJECTED · " or "MERGED · ", for the banner.</summary>
    public static string Banner(ConflictEvent conflictEvent) => Banner(conflictEvent.Status);

    /// <summary>"RETRACTED · ", "REJECTED · " or "MERGED · ", for the banner.</summary>
    public static string Banner(EventStatus status) => Word(status).ToUpperInvariant() + " · ";

    /// <summary>The banner of a withdrawn status, or nothing for an event that stands, for a line of a list.</summary>
    public static string LineBanner(EventStatus status) => status.IsWithdrawn() ? Banner(status) : string.Empty;

    /// <summary>How an event shows on its own: retracted once withdrawn, new otherwise.</summary>
    public static AlertKind AlertKindOf(EventStatus status) => status.IsWithdrawn() ? AlertKind.Retracted : AlertKind.New;

    /// <summary>The reason as the curator or source gave it.</summary>
    public static string Reason(ConflictEvent conflictEvent) => conflictEvent.StatusReason ?? "no reason given";
}
