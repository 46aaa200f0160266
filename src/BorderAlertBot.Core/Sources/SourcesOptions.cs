using System.ComponentModel.DataAnnotations;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Sources;

/// <summary>How the bot treats every polled source: trust, and what it does when one keeps failing.</summary>
public sealed class SourcesOptions : IValidatableObject
{
    public const string SectionName = "Sources";

    /// <summary>Per-source trust, first match wins; a source without a rule keeps its default (ACLED verified, GDELT and feeds pending).</summary>
    public List<TrustRule> Trust { get; set; } = [];

    /// <summary>The wait after a first failed poll; each further failure in a row doubles it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "06:00:00", ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between failed polls.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Failed polls in a row after which a source is disabled, with the last error as the reason, until an operator enables it again.</summary>
    [Range(1, 1000, ErrorMessage = "must be between {1} and {2}")]
    public int FailuresBeforeDisable { get; set; } = 10;

    /// <summary>The status a new event from <paramref name="source"/> gets.</summary>
    public EventStatus TrustFor(IEventSource source) => TrustFor(source.Name, source.DefaultTrust);

    /// <summary>The status a new event from the source named <paramref name="name"/> gets (a file of its rows, say), else <paramref name="defaultTrust"/>.</summary>
    public EventStatus TrustFor(string name, EventStatus defaultTrust) =>
        Trust.Find(rule => rule.Matches(name))?.Status ?? defaultTrust;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxRetryDelay < FirstRetryDelay)
        {
            yield return new ValidationResult($"must be at least FirstRetryDelay ({FirstRetryDelay})", [nameof(MaxRetryDelay)]);
        }

        for (var i = 0; i < Trust.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Trust[i].Source))
            {
                yield return new ValidationResult("needs a source name", [$"{nameof(Trust)}:{i}:{nameof(TrustRule.Source)}"]);
            }

            if (Trust[i].Status is not (EventStatus.Pending or EventStatus.Verified))
            {
                yield return new ValidationResult("must be Pending or Verified", [$"{nameof(Trust)}:{i}:{nameof(TrustRule.Status)}"]);
            }
        }
    }
}
