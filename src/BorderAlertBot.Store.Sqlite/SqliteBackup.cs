using Microsoft.Data.Sqlite;

namespace BorderAlertBot.Store.Sqlite;

/// <summary>
/// A copy of the store taken with SQLite's online backup API while the bot may be writing: the whole database is copied
/// in one step under a read transaction, so the copy is one consistent moment of the store (WAL lets the bot go on
/// writing meanwhile). The copy is written beside its destination and moved into place only once complete and checked,
/// and it is a single self-contained file (rollback journal, not WAL), ready to be put in place of the store.
/// </summary>
public sealed class SqliteBackup(SqliteDatabase database)
{
    public async Task<SqliteBackupResult> BackupAsync(string destination, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(destination);
        if (string.Equals(target, database.FilePath, StringComparison.Ordinal))
        {
            throw new IOException("The backup cannot be written over the store itself.");
        }

        if (File.Exists(target))
        {
            throw new IOException($"{destination} already exists; a backup never overwrites a file.");
        }

        if (Path.GetDirectoryName(target) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var partial = target + ".partial";
        File.Delete(partial);
        string integrity;
        long events;
        await using (var source = await database.OpenAsync(cancellationToken))
        await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString()))
        {
            await copy.OpenAsync(cancellationToken);
            source.BackupDatabase(copy);
            integrity = await ScalarAsync(copy, "PRAGMA journal_mode = DELETE; PRAGMA integrity_check;", cancellationToken);
            events = long.Parse(await ScalarAsync(copy, "SELECT COUNT(*) FROM events;", cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        if (integrity != "ok")
        {
            File.Delete(partial);
            throw new IOException($"The copy failed SQLite's integrity check ({integrity}); nothing was written to {destination}.");
        }

        File.Move(partial, target);
        return new SqliteBackupResult(database.FilePath, target, new FileInfo(target).Length, events);
    }

    private static async Task<string> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        string? last = null;
        do
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                last = Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        while (await reader.NextResultAsync(cancellationToken));

        return last ?? string.Empty;
    }
}
