namespace BorderAlertBot.Domain;

public enum Severity
{
    Low = 1,
    Moderate = 2,
    Significant = 3,
    High = 4,
    Critical = 5,
}
