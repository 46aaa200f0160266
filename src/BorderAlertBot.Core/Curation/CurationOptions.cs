using System.ComponentModel.DataAnnotations;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Curation;

/// <summary>How reports are merged, and who curates where (ARCHITECTURE.md §9).</summary>
public sealed class CurationOptions : IValidatableObject
{
    public const string SectionName = "Curation";

    /// <summary>Two reports of one kind at most this far apart (km) can be one happening.</summary>
    [Range(0.1, 500, ErrorMessage = "must be between {1} and {2}")]
    public double MergeDistanceKm { get; set; } = 25;

    /// <summary>Two reports of one kind at most this far apart in time can be one happening.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00", ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan MergeWindow { get; set; } = TimeSpan.FromDays(2);

    /// <summary>
    /// The curators' channel: a Discord or Slack channel (<c>discord-channel:ID</c>, <c>slack-channel:ID</c>) where pending
    /// candidates are posted with Approve and Reject buttons. None: curate from the CLI only.
    /// </summary>
    public string? QueueTarget { get; set; }

    /// <summary>Who may press Approve or Reject: platform user ids, <c>discord:ID</c> or <c>slack:ID</c>.</summary>
    public List<string> Curators { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (QueueTarget is { Length: > 0 } queue)
        {
            if (!DeliveryTarget.TryParse(queue, out var target, out var error))
            {
                yield return new ValidationResult(error, [nameof(QueueTarget)]);
            }
            else if (target!.Kind is not (TargetKind.DiscordChannel or TargetKind.SlackChannel or TargetKind.Console))
            {
                yield return new ValidationResult("must be a discord-channel:ID or slack-channel:ID (a webhook cannot take button presses), or console", [nameof(QueueTarget)]);
            }
        }

        for (var i = 0; i < Curators.Count; i++)
        {
            if (!Curators[i].StartsWith("discord:", StringComparison.Ordinal) && !Curators[i].StartsWith("slack:", StringComparison.Ordinal)
                || Curators[i].Length <= "slack:".Length)
            {
                yield return new ValidationResult("must be discord:USER_ID or slack:USER_ID", [$"{nameof(Curators)}:{i}"]);
            }
        }
    }
}
