namespace BorderAlertBot.Domain;

/// <summary>Which revision of an event this is, when and by whom it was made, and what it changed.</summary>
public sealed record RevisionInfo(int Number, DateTimeOffset At, string By, IReadOnlyList<string> Changes)
{
    public static RevisionInfo Unsaved { get; } = new(0, DateTimeOffset.MinValue, string.Empty, []);
}
