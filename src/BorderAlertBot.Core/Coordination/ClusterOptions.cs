using System.ComponentModel.DataAnnotations;

namespace BorderAlertBot.Coordination;

/// <summary>How instances on one store share the work that must run once cluster-wide.</summary>
public sealed class ClusterOptions
{
    public const string SectionName = "Cluster";

    /// <summary>
    /// How long a lease (the watcher's, the digest scheduler's, a poller's, an instance's presence) lasts without renewal:
    /// when its instance dies, another takes the work over within this. Renewed every third of it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often an instance that does not hold a lease asks for it again.</summary>
    public TimeSpan RetryInterval => LeaseDuration / 3;

    /// <summary>How often a holder renews its lease.</summary>
    public TimeSpan RenewInterval => LeaseDuration / 3;
}
