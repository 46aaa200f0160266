using System.ComponentModel.DataAnnotations;

namespace BorderAlertBot.Store.Sqlite;

public sealed class SqliteStoreOptions
{
    public const string SectionName = "Store";

    /// <summary>The database file; relative paths are taken from the working directory. Its folder is created.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "must name the SQLite database file, e.g. data/borderalertbot.db")]
    public string Path { get; set; } = "data/borderalertbot.db";
}
