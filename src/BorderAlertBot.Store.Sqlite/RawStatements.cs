using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace BorderAlertBot.Store.Sqlite;

/// <summary>
/// SQLite's own statement API on one connection, for the import's hot path: statements prepared once per write and
/// bound by position (a name costs SQLite a search of the statement's parameter names), text bound as UTF-8 from a
/// buffer reused for every value (SQLite copies it).
/// </summary>
internal sealed class RawStatements(sqlite3 db) : IDisposable
{
    private readonly List<sqlite3_stmt> _prepared = [];
    private byte[] _text = new byte[4096];

    public sqlite3 Db => db;

    public sqlite3_stmt Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v2(db, sql, out var statement));
        _prepared.Add(statement);
        return statement;
    }

    public void Execute(string sql) => Check(raw.sqlite3_exec(db, sql));

    /// <summary>Binds text, or NULL.</summary>
    public void Text(sqlite3_stmt statement, int index, string? value)
    {
        if (value is null)
        {
            Check(raw.sqlite3_bind_null(statement, index));
            return;
        }

        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (length > _text.Length)
        {
            _text = new byte[Math.Max(length, _text.Length * 2)];
        }

        var written = Encoding.UTF8.GetBytes(value, _text);
        Check(raw.sqlite3_bind_text(statement, index, _text.AsSpan(0, written)));
    }

    public void Text(sqlite3_stmt statement, int index, ReadOnlySpan<byte> utf8) => Check(raw.sqlite3_bind_text(statement, index, utf8));

    public void Integer(sqlite3_stmt statement, int index, long value) => Check(raw.sqlite3_bind_int64(statement, index, value));

    /// <summary>Runs a statement that returns no rows we read, and resets it.</summary>
    public void Step(sqlite3_stmt statement)
    {
        var result = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (result != raw.SQLITE_DONE && result != raw.SQLITE_ROW)
        {
            Check(result);
        }
    }

    /// <summary>
    /// Runs an INSERT … ON CONFLICT DO NOTHING: the new row's id, or null when it wrote nothing. Not RETURNING, which
    /// SQLite runs as a trigger, and a statement with a trigger keeps a journal of every page it changes, so that it can be
    /// undone alone.
    /// </summary>
    public long? StepForInsertedRowId(sqlite3_stmt statement)
    {
        Step(statement);
        return raw.sqlite3_changes(db) == 1 ? raw.sqlite3_last_insert_rowid(db) : null;
    }

    /// <summary>Runs an UPDATE … RETURNING rowid: the row's id, or null when it wrote nothing.</summary>
    public long? StepForRowId(sqlite3_stmt statement)
    {
        var result = raw.sqlite3_step(statement);
        long? rowId = result == raw.SQLITE_ROW ? raw.sqlite3_column_int64(statement, 0) : null;
        if (result == raw.SQLITE_ROW)
        {
            result = raw.sqlite3_step(statement);
        }

        raw.sqlite3_reset(statement);
        if (result != raw.SQLITE_DONE)
        {
            Check(result);
        }

        return rowId;
    }

    public void Dispose()
    {
        foreach (var statement in _prepared)
        {
            statement.Dispose();
        }

        _prepared.Clear();
    }

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK && result != raw.SQLITE_DONE && result != raw.SQLITE_ROW)
        {
            SqliteException.ThrowExceptionForRC(result, db);
        }
    }
}
