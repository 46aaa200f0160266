using System.ComponentModel.DataAnnotations;

namespace BorderAlertBot.Geography;

/// <summary>The distance bands of data-sources.md §4.3.</summary>
public sealed class GeographyOptions : IValidatableObject
{
    public const string SectionName = "Geography";

    /// <summary>A precise location within this distance of a border line is a border event.</summary>
    [Range(1d, 500d, ErrorMessage = "must be between {1} and {2}")]
    public double BorderZoneKm { get; set; } = 50;

    /// <summary>Within this distance an event is "at the border" (at a gate or on the line).</summary>
    [Range(0.1d, 500d, ErrorMessage = "must be between {1} and {2}")]
    public double AtBorderKm { get; set; } = 10;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AtBorderKm > BorderZoneKm)
        {
            yield return new ValidationResult("must not be more than Geography:BorderZoneKm", [nameof(AtBorderKm)]);
        }
    }
}
