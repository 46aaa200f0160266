using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Configuration;

/// <summary>
/// Validates an options class with its data annotations and reports each failure as one line naming the configuration
/// key, e.g. "Http:Port: must be between 0 and 65535", so an operator knows exactly what to fix.
/// </summary>
public sealed class SectionOptionsValidator<TOptions>(string sectionName) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return ValidateOptionsResult.Success;
        }

        var failures = results.Select(result =>
        {
            var member = result.MemberNames.FirstOrDefault();
            return member is null ? $"{sectionName}: {result.ErrorMessage}" : $"{sectionName}:{member}: {result.ErrorMessage}";
        });
        return ValidateOptionsResult.Fail(failures);
    }
}
