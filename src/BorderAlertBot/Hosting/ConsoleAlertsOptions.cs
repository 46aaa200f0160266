namespace BorderAlertBot.Hosting;

/// <summary>The console sender, and the console subscription to everything verified that a store without subscriptions gets.</summary>
public sealed class ConsoleAlertsOptions
{
    public const string SectionName = "ConsoleAlerts";

    public bool Enabled { get; set; } = true;
}
