namespace BorderAlertBot.Domain;

public enum TimePrecision
{
    Exact,
    Day,
    Week,
    Month,
}
