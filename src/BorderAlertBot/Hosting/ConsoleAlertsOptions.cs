using System.ComponentModel.DataAnnotations;

namespace BorderAlertBot.Hosting;

/// <summary>The default console subscription: every verified event, printed the way a chat message would look.</summary>
public sealed class ConsoleAlertsOptions
{
    public const string SectionName = "ConsoleAlerts";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How often to look at the change feed when no in-process commit has woken the reader (writes from another
    /// process, such as the import CLI). Commits in this process wake it at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00", ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan FallbackPollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
