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

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(Address, out _))
        {
            yield return new ValidationResult($"'{Address}' is not an IP address (e.g. 127.0.0.1, 0.0.0.0 or ::1)", [nameof(Address)]);
        }
    }
}
