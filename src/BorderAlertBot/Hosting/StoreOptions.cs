using System.ComponentModel.DataAnnotations;

namespace BorderAlertBot.Hosting;

/// <summary>Which store the bot uses. SQLite settings live in the same section (Store:Path).</summary>
public sealed class StoreOptions : IValidatableObject
{
    public const string SectionName = "Store";

    public static IReadOnlyList<string> Providers { get; } = ["Sqlite"];

    public string Provider { get; set; } = "Sqlite";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Providers.Contains(Provider, StringComparer.OrdinalIgnoreCase))
        {
            yield return new ValidationResult($"'{Provider}' is not a store provider (available: {string.Join(", ", Providers)})", [nameof(Provider)]);
        }
    }
}
