using System.ComponentModel.DataAnnotations;

namespace BorderAlertBot.Ingestion.Acled.Api;

/// <summary>The ACLED API poller (README "ACLED"): where, who, which rows, how often.</summary>
public sealed class AcledOptions : IValidatableObject
{
    public const string SectionName = "Acled";

    private static readonly string[] ReservedParameters = ["page", "limit", "timestamp", "timestamp_where", "_format", "fields"];

    /// <summary>Whether the bot polls ACLED at all (it needs an account).</summary>
    public bool Enabled { get; set; }

    /// <summary>ACLED's site; <c>oauth/token</c>, <c>api/acled/read</c> and <c>api/deleted/read</c> are under it.</summary>
    public Uri BaseUrl { get; set; } = new("https://acleddata.com/");

    /// <summary>The account's e-mail address (a secret, with the password: never logged).</summary>
    public string? Username { get; set; }

    /// <summary>The account's password (a secret: user secrets or <c>Acled__Password</c>).</summary>
    public string? Password { get; set; }

    /// <summary>ACLED filters as a query string, as its guide writes them: <c>country=Myanmar&amp;admin1=Shan-North:OR:admin1=Kachin</c>.</summary>
    public string Query { get; set; } = "country=Myanmar";

    /// <summary>Rows per request; ACLED answers at most 5,000.</summary>
    [Range(1, 5000, ErrorMessage = "must be between {1} and {2}")]
    public int PageSize { get; set; } = 5000;

    /// <summary>How long after a finished sync the next one starts.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How old an upload second must be before its rows are read: a sync reads uploads up to this long ago, so rows that
    /// share a timestamp are all read together, never half now and half never.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan SettleTime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long one request may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!BaseUrl.IsAbsoluteUri || BaseUrl.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult("must be an absolute http(s) URL", [nameof(BaseUrl)]);
        }

        if (Enabled && string.IsNullOrWhiteSpace(Username))
        {
            yield return new ValidationResult("is required when Acled:Enabled is true (the account's e-mail)", [nameof(Username)]);
        }

        if (Enabled && string.IsNullOrWhiteSpace(Password))
        {
            yield return new ValidationResult("is required when Acled:Enabled is true", [nameof(Password)]);
        }

        foreach (var parameter in Query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=', 2)[0].Trim()))
        {
            if (ReservedParameters.Contains(parameter, StringComparer.OrdinalIgnoreCase))
            {
                yield return new ValidationResult($"must not set '{parameter}': the poller sets it", [nameof(Query)]);
            }
        }
    }
}
