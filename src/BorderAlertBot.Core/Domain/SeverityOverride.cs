namespace BorderAlertBot.Domain;

/// <summary>A curator's severity, kept beside the computed one and shown with it.</summary>
public sealed record SeverityOverride(Severity Severity, string Reason);
