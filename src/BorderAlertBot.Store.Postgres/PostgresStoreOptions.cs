using System.ComponentModel.DataAnnotations;

namespace BorderAlertBot.Store.Postgres;

/// <summary>The PostgreSQL store's settings, in the same section as the provider (Store:Provider=Postgres).</summary>
public sealed class PostgresStoreOptions
{
    public const string SectionName = "Store";

    /// <summary>
    /// An Npgsql connection string, e.g. <c>Host=db;Database=borderalertbot;Username=bot;Password=…</c>. It holds a
    /// secret: keep it in user secrets or the environment (<c>Store__ConnectionString</c>); it is never logged.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "must be an Npgsql connection string when Store:Provider is Postgres, e.g. Host=localhost;Database=borderalertbot;Username=bot")]
    public string ConnectionString { get; set; } = string.Empty;
}
