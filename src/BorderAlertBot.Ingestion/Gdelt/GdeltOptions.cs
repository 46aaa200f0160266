using System.ComponentModel.DataAnnotations;

namespace BorderAlertBot.Ingestion.Gdelt;

/// <summary>The GDELT 2.0 event export (data-sources.md §2): where it is, how often to look, and which rows are ours.</summary>
public sealed class GdeltOptions : IValidatableObject
{
    public const string SectionName = "Gdelt";

    /// <summary>Whether the bot polls GDELT at all.</summary>
    public bool Enabled { get; set; }

    /// <summary>The folder holding <c>lastupdate.txt</c> and the export files (a proxy or a test server may stand in).</summary>
    public string BaseUrl { get; set; } = "http://data.gdeltproject.org/gdeltv2/";

    /// <summary>How often <c>lastupdate.txt</c> is read; GDELT publishes a file every 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>FIPS 10-4 codes of the countries where a row's action must take place (GDELT's geography is FIPS: Myanmar BM, China CH).</summary>
    public string[] Countries { get; set; } = ["BM", "CH"];

    /// <summary>
    /// CAMEO country codes (Myanmar MMR) of which a row must involve one: an actor from it, an actor located in it, or the
    /// action itself in it. Keeps China's rows to those about Myanmar. Empty: every row located in <see cref="Countries"/>.
    /// </summary>
    public string[] ActorCountries { get; set; } = ["MMR"];

    /// <summary>How long one request (lastupdate.txt, or the export download) may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary><see cref="BaseUrl"/> as a folder URL (with its trailing slash); a method, so binding and validation never call it on a bad value.</summary>
    public Uri FolderUri() => new(BaseUrl.EndsWith('/') ? BaseUrl : BaseUrl + "/", UriKind.Absolute);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult($"'{BaseUrl}' is not an absolute http(s) URL", [nameof(BaseUrl)]);
        }

        if (Countries.Length == 0)
        {
            yield return new ValidationResult("needs at least one FIPS country code (Myanmar is BM, China CH)", [nameof(Countries)]);
        }

        foreach (var (code, i) in Countries.Select((code, i) => (code, i)))
        {
            if (FipsCountries.TryFind(code) is null)
            {
                yield return new ValidationResult($"'{code}' is not a FIPS code this bot knows (known: {string.Join(", ", FipsCountries.Known)})", [$"{nameof(Countries)}:{i}"]);
            }
        }

        foreach (var (code, i) in ActorCountries.Select((code, i) => (code, i)))
        {
            if (code is not { Length: 3 } || !code.All(char.IsAsciiLetterUpper))
            {
                yield return new ValidationResult($"'{code}' is not a CAMEO country code (three capitals, such as MMR)", [$"{nameof(ActorCountries)}:{i}"]);
            }
        }
    }
}
