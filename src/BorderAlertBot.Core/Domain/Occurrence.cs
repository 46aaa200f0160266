namespace BorderAlertBot.Domain;

/// <summary>When an event happened, and how precisely that is known.</summary>
public sealed record Occurrence(DateTimeOffset At, TimePrecision Precision)
{
    public string Describe() => Precision switch
    {
        TimePrecision.Exact => At.ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture),
        TimePrecision.Day => At.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        TimePrecision.Week => "week of " + At.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        TimePrecision.Month => At.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture),
        _ => At.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
    };
}
