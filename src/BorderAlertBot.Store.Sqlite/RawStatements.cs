using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace BorderAlertBot.Store.Sqlite;

/// <summary>
/// SQLite's own statement API on one connection, for the import's hot path: statements prepared once per write and
/// bound by position (a name costs SQLite a search of the statement's parameter names), text bound as UTF-8 from a
/// buffer reused for every value (SQLite copies it). Binding and stepping call SQLite directly (<see cref="Native"/>)
/// with the statement's address, which this class holds until it is disposed: through SQLitePCL each call also goes
/// through its provider and counts the statement's handle up and down (a bind costs some 40 % more), and an import of a
/// million events makes some 30 million calls; calling directly took 4 s of CPU and 3 s off such an import. Preparing,
/// errors and disposal go through SQLitePCL, which owns the connection.
/// </summary>
internal sealed partial class RawStatements(sqlite3 db) : IDisposable
{
    /// <summary>Whether SQLitePCL loaded the library <see cref="Native"/> calls: checked once, not on every write.</summary>
    private static readonly bool LoadedFromBundle = string.Equals(raw.GetNativeLibraryName(), Native.Library, StringComparison.Ordinal);

    private readonly List<sqlite3_stmt> _prepared = [];
    private readonly nint _db = LoadedFromBundle
        ? db.DangerousGetHandle()
        : throw new InvalidOperationException($"SQLite is loaded from '{raw.GetNativeLibraryName()}', not the {Native.Library} bundle this store calls directly.");
    private byte[] _text = new byte[4096];

    public sqlite3 Db => db;

    /// <summary>The change-feed sequence (or any row id) the connection's last INSERT gave.</summary>
    public long LastInsertRowId => Native.sqlite3_last_insert_rowid(_db);

    public Statement Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v2(db, sql, out var statement));
        _prepared.Add(statement);
        return new Statement(statement.DangerousGetHandle());
    }

    public void Execute(string sql) => Check(raw.sqlite3_exec(db, sql));

    /// <summary>Binds text, or NULL.</summary>
    public void Text(Statement statement, int index, string? value)
    {
        if (value is null)
        {
            Check(Native.sqlite3_bind_null(statement.Handle, index));
            return;
        }

        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (length > _text.Length)
        {
            _text = new byte[Math.Max(length, _text.Length * 2)];
        }

        var written = Encoding.UTF8.GetBytes(value, _text);
        Text(statement, index, _text.AsSpan(0, written));
    }

    /// <summary>Binds UTF-8 text; SQLite copies it, so the span may be reused as soon as this returns.</summary>
    public unsafe void Text(Statement statement, int index, ReadOnlySpan<byte> utf8)
    {
        fixed (byte* text = utf8)
        {
            // An empty span has no address; SQLite takes a null pointer for NULL, so it gets one that is not.
            Check(Native.sqlite3_bind_text(statement.Handle, index, text is null ? (byte*)&index : text, utf8.Length, Native.Transient));
        }
    }

    public void Integer(Statement statement, int index, long value) => Check(Native.sqlite3_bind_int64(statement.Handle, index, value));

    /// <summary>Runs a statement that returns no rows we read, and resets it.</summary>
    public void Step(Statement statement)
    {
        var result = Native.sqlite3_step(statement.Handle);
        _ = Native.sqlite3_reset(statement.Handle);
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
    public long? StepForInsertedRowId(Statement statement)
    {
        Step(statement);
        return Native.sqlite3_changes(_db) == 1 ? LastInsertRowId : null;
    }

    /// <summary>Runs an UPDATE … RETURNING rowid: the row's id, or null when it wrote nothing.</summary>
    public long? StepForRowId(Statement statement)
    {
        var result = Native.sqlite3_step(statement.Handle);
        long? rowId = result == raw.SQLITE_ROW ? Native.sqlite3_column_int64(statement.Handle, 0) : null;
        if (result == raw.SQLITE_ROW)
        {
            result = Native.sqlite3_step(statement.Handle);
        }

        _ = Native.sqlite3_reset(statement.Handle);
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

    /// <summary>A statement prepared by <see cref="Prepare"/>: its address, valid until the <see cref="RawStatements"/> is disposed.</summary>
    public readonly record struct Statement(nint Handle);

    /// <summary>The few SQLite functions the hot path calls, straight into the library SQLitePCL loaded (its e_sqlite3 bundle).</summary>
    private static unsafe partial class Native
    {
        /// <summary>SQLITE_TRANSIENT: SQLite copies the value before the bind returns.</summary>
        public static readonly nint Transient = -1;

        public const string Library = "e_sqlite3";

        [LibraryImport(Library)]
        public static partial int sqlite3_bind_text(nint statement, int index, byte* text, int length, nint destructor);

        [LibraryImport(Library)]
        public static partial int sqlite3_bind_int64(nint statement, int index, long value);

        [LibraryImport(Library)]
        public static partial int sqlite3_bind_null(nint statement, int index);

        [LibraryImport(Library)]
        public static partial int sqlite3_step(nint statement);

        [LibraryImport(Library)]
        public static partial int sqlite3_reset(nint statement);

        [LibraryImport(Library)]
        public static partial long sqlite3_column_int64(nint statement, int column);

        [LibraryImport(Library)]
        public static partial int sqlite3_changes(nint db);

        [LibraryImport(Library)]
        public static partial long sqlite3_last_insert_rowid(nint db);
    }
}
