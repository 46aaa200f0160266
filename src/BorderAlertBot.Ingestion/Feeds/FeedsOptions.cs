using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace BorderAlertBot.Ingestion.Feeds;

/// <summary>The RSS and Atom feeds the bot polls, and the settings they share.</summary>
public sealed partial class FeedsOptions : IValidatableObject
{
    public const string SectionName = "Feeds";

    public static readonly TimeSpan MinInterval = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxInterval = TimeSpan.FromDays(1);

    /// <summary>The feeds, each a source of its own named <c>rss:NAME</c>.</summary>
    public List<FeedOptions> Configured { get; set; } = [];

    /// <summary>On a feed's first poll only items published within this long before now become candidates, so adding a feed brings no flood of old news.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00", ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan FirstPollLookback { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long one feed request may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Configured.Count; i++)
        {
            var feed = Configured[i];
            var key = $"{nameof(Configured)}:{i}";
            if (!NamePattern().IsMatch(feed.Name))
            {
                yield return new ValidationResult($"'{feed.Name}' must be 1 to 40 letters, digits, '-' or '_' (the source is rss:NAME)", [$"{key}:{nameof(FeedOptions.Name)}"]);
            }
            else if (names.TryGetValue(feed.Name, out var first))
            {
                yield return new ValidationResult($"'{feed.Name}' is the name of feed {first} too; each feed needs its own", [$"{key}:{nameof(FeedOptions.Name)}"]);
            }
            else
            {
                names[feed.Name] = i;
            }

            if (!Uri.TryCreate(feed.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                yield return new ValidationResult("must be an absolute http(s) URL", [$"{key}:{nameof(FeedOptions.Url)}"]);
            }

            if (feed.Interval < MinInterval || feed.Interval > MaxInterval)
            {
                yield return new ValidationResult($"must be between {MinInterval} and {MaxInterval}", [$"{key}:{nameof(FeedOptions.Interval)}"]);
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,39}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
