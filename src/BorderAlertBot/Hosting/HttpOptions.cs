using System.ComponentModel.DataAnnotations;
using System.Net;

namespace BorderAlertBot.Hosting;

public sealed class HttpOptions : IValidatableObject
{
    public const string SectionName = "Http";

    /// <summary>The address to listen on; loopback by default, so nothing is exposed until an operator says so.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The port; 0 picks a free one.</summary>
    [Range(0, 65535, ErrorMessage = "must be between {1} and {2}")]
    public int Port { get; set; } = 5080;

    /// <summary>
    /// Reverse proxies, besides loopback (always trusted: a TLS proxy on the same host), whose <c>X-Forwarded-For</c>
    /// names the real sender, the address failed verifications are counted under. A request from anywhere else is
    /// counted under its own address, whatever it claims.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>Failed signature checks from one address, within the window, after which it is refused with 429.</summary>
    [Range(1, 100_000, ErrorMessage = "must be between {1} and {2}")]
    public int VerificationFailuresPerAddress { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan VerificationFailureWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an address that failed too often is refused.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan VerificationBlock { get; set; } = TimeSpan.FromMinutes(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(Address, out _))
        {
            yield return new ValidationResult($"'{Address}' is not an IP address (e.g. 127.0.0.1, 0.0.0.0 or ::1)", [nameof(Address)]);
        }

        var bad = TrustedProxies.Where(proxy => !IPAddress.TryParse(proxy, out _)).ToList();
        if (bad.Count > 0)
        {
            yield return new ValidationResult($"must hold IP addresses; not: {string.Join(", ", bad)}", [nameof(TrustedProxies)]);
        }
    }
}
