using System.ComponentModel.DataAnnotations;

namespace BorderAlertBot.Digests;

public sealed class DigestOptions
{
    public const string SectionName = "Digests";

    /// <summary>A digest sent more than this after its slot (the bot was down) says it is late.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan LateAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The longest the scheduler sleeps between looks, so a digest set a moment ago is not missed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);
}
