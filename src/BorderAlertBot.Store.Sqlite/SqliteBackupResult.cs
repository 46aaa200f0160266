namespace BorderAlertBot.Store.Sqlite;

/// <summary>What a backup copied: from where to where, how large the copy is and how many events it holds.</summary>
public sealed record SqliteBackupResult(string Source, string Destination, long Bytes, long Events);
