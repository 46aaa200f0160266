using System.ComponentModel.DataAnnotations;

namespace BorderAlertBot.Hosting;

/// <summary>
/// Which store the bot uses: SQLite (one instance, a file) or PostgreSQL (one or several instances). Each store's own
/// settings live in the same section (Store:Path, Store:ConnectionString).
/// </summary>
public sealed class StoreOptions : IValidatableObject
{
    public const string SectionName = "Store";

    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public static IReadOnlyList<string> Providers { get; } = [Sqlite, Postgres];

    public string Provider { get; set; } = Sqlite;

    /// <summary>Whether <paramref name="configuration"/> asks for PostgreSQL (the composition picks the store before options are bound).</summary>
    public static bool IsPostgres(IConfiguration configuration) =>
        string.Equals(configuration.GetSection(SectionName)[nameof(Provider)], Postgres, StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Providers.Contains(Provider, StringComparer.OrdinalIgnoreCase))
        {
            yield return new ValidationResult($"'{Provider}' is not a store provider (available: {string.Join(", ", Providers)})", [nameof(Provider)]);
        }
    }
}
