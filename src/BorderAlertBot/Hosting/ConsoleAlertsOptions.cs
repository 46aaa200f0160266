namespace BorderAlertBot.Hosting;

/// <summary>The console sender, and the console subscription to everything verified that a store without subscriptions gets.</summary>
public sealed class ConsoleAlertsOptions
{
    public const string SectionName = "ConsoleAlerts";

    public bool Enabled { get; set; } = true;

    /// <summary>A folder the console sender writes digest charts (PNG) into; none when empty, and only the alt text is printed.</summary>
    public string? ChartFolder { get; set; }
}
