using System.ComponentModel.DataAnnotations;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Delivery;

public sealed class DeliveryOptions
{
    public const string SectionName = "Delivery";

    /// <summary>Alerts at or above this severity are never held by mute or quiet hours.</summary>
    [Range(1, 5, ErrorMessage = "must be between {1} and {2}")]
    public int BreakThroughSeverity { get; set; } = (int)Severity.Critical;

    /// <summary>Attempts before a message is dead-lettered: with the default delays, 20 ride out a platform outage of about an hour.</summary>
    [Range(1, 100, ErrorMessage = "must be between {1} and {2}")]
    public int MaxAttempts { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:01", "06:00:00", ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a claimed batch belongs to one dispatcher before another may take it (a crash gives it back).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00", ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many subscriptions are sent to at once; a slow target occupies one slot and never blocks the others.</summary>
    [Range(1, 256, ErrorMessage = "must be between {1} and {2}")]
    public int MaxParallelTargets { get; set; } = 16;

    /// <summary>A clash within this many days after a ceasefire agreed in its region is marked "possible ceasefire violation".</summary>
    [Range(0, 365, ErrorMessage = "must be between {1} and {2}")]
    public int CeasefireContextDays { get; set; } = 14;

    /// <summary>How often the watcher and dispatcher look for work they were not woken for (other processes' writes).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00", ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan FallbackPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// At shutdown, how long sends in flight may take to finish the message they are sending; what they have not sent by
    /// then is handed back for the next start. Keep it under the supervisor's stop timeout (systemd's TimeoutStopSec).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(10);

    public Severity BreakThrough => (Severity)BreakThroughSeverity;
}
