using System.ComponentModel.DataAnnotations;

namespace BorderAlertBot.Hosting;

public sealed class SampleOptions
{
    public const string SectionName = "Sample";

    /// <summary>Load the bundled Myanmar–China scenario when the store is empty at start.</summary>
    public bool LoadIntoEmptyStore { get; set; } = true;

    /// <summary>
    /// How long after the scenario's events its later revisions and retraction arrive, so a newcomer sees alerts first and
    /// then their edits ("UPDATED", "RETRACTED"), as a channel would.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan UpdatesAfter { get; set; } = TimeSpan.FromSeconds(5);
}
