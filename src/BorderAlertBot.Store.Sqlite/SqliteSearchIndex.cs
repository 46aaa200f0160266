using System.Threading.Channels;
using BorderAlertBot.Serialization;
using BorderAlertBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using SQLitePCL;

namespace BorderAlertBot.Store.Sqlite;

/// <summary>
/// The events' full-text index (FTS5) in a file of its own beside the store (<c>x.db</c> → <c>x.search.db</c>), written
/// on a thread of its own: each committed event write hands over its events' text (<see cref="SearchBatch"/>), and the
/// index applies it while the store's writer goes on with the next write, gathering writes that come one after another
/// into one transaction (<see cref="RowsPerCommit"/>) until they pause. The index keeps the change-feed position it
/// has reached in the same transaction as the text, so it always knows what it lacks: a write whose hand-over was lost
/// (the process ended between the two commits) or came out of order is read back from the events' documents.
/// <see cref="CatchUpAsync"/> makes everything committed to the store before it searchable; searches call it first. A
/// file built from another store, or ahead of this store's change feed (a restored backup), is rebuilt from every
/// event's document.
/// </summary>
public sealed partial class SqliteSearchIndex : IDisposable
{
    /// <summary>How many committed writes may wait for the index before the next one waits: it bounds the text held in memory.</summary>
    private const int MaxWaitingWrites = 2;

    /// <summary>A rebuild commits every so many events, so its transaction never holds a million events' text.</summary>
    private const int RebuildRowsPerTransaction = 5000;

    /// <summary>
    /// Writes handed over one after another share a transaction until it holds this many events' text: FTS5 turns each
    /// commit into a segment it must later merge, and an import hands over a write of 1,000 events every few tens of
    /// milliseconds. Matched by the FTS5 <c>hashsize</c> (<see cref="HashBytes"/>), which would otherwise flush a segment
    /// every megabyte of text inside the transaction too.
    /// </summary>
    private const int RowsPerCommit = 8000;

    private const int HashBytes = 8 << 20;

    /// <summary>How long an open transaction waits for the next hand-over before it commits what it has.</summary>
    private static readonly TimeSpan IdleCommit = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How long a transaction stays open however steadily writes come (a hundred events a second never pause for
    /// <see cref="IdleCommit"/>): another process's search waits for the index file's lock at most this long.
    /// </summary>
    private static readonly TimeSpan MaxOpen = TimeSpan.FromSeconds(1);

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Channel<SearchBatch> _handedOver =
        Channel.CreateBounded<SearchBatch>(new BoundedChannelOptions(MaxWaitingWrites)); // Read by the index's loop and by catch-ups.

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Task _applying;

    // Used only while holding _gate.
    private SqliteConnection? _connection;
    private RawStatements? _statements;
    private RawStatements.Statement _insert;
    private RawStatements.Statement _delete;
    private RawStatements.Statement _position;
    private RawStatements.Statement _state;
    private long _reached = -1; // The change-feed sequence everything up to is indexed and committed; -1 until the file is open.
    private long _pending; // Within the open transaction: the sequence everything up to is indexed.
    private int _pendingRows; // Rows written in the open transaction; 0 when none is open.
    private long _openedAt; // When the open transaction began, as a timestamp of the time provider.
    private volatile bool _open;
    private bool _disposed;
    private volatile bool _rebuilding;

    internal SqliteSearchIndex(SqliteDatabase database, TimeProvider timeProvider, ILogger logger)
    {
        (_database, _timeProvider, _logger) = (database, timeProvider, logger);
        var folder = Path.GetDirectoryName(database.FilePath) ?? string.Empty;
        FilePath = Path.Combine(folder, Path.GetFileNameWithoutExtension(database.FilePath) + ".search" + Path.GetExtension(database.FilePath));
        _applying = Task.Run(ApplyHandedOverAsync);
    }

    public string FilePath { get; }

    /// <summary>Makes every event committed to the store before this call searchable.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var head = await ReadHeadAsync(cancellationToken);
        if (Volatile.Read(ref _reached) >= head)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            await ApplyAsync(readBackTo: head, commit: true, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;

        // What is handed over is applied before the file closes; a write after this is read back on the next start.
        _handedOver.Writer.TryComplete();
        _applying.GetAwaiter().GetResult();
        _statements?.Dispose();
        _connection?.Dispose();
        _gate.Dispose();
    }

    /// <summary>
    /// Hands over a committed write's text; waits while <see cref="MaxWaitingWrites"/> writes wait already, except during a
    /// rebuild (a minute for a million events), when a write that finds no room leaves its text to be read back instead.
    /// </summary>
    internal async ValueTask HandOverAsync(SearchBatch batch)
    {
        if (_rebuilding)
        {
            _ = _handedOver.Writer.TryWrite(batch);
            return;
        }

        try
        {
            await _handedOver.Writer.WriteAsync(batch);
        }
        catch (ChannelClosedException)
        {
            // Disposed: the write is read back from the documents when the store is next opened.
        }
    }

    /// <summary>
    /// Applies what is handed over as it comes, in transactions of up to <see cref="RowsPerCommit"/> events or
    /// <see cref="MaxOpen"/>; an open one is committed once no hand-over has come for <see cref="IdleCommit"/>, and when
    /// the index is disposed.
    /// </summary>
    private async Task ApplyHandedOverAsync()
    {
        while (true)
        {
            if (!await WaitForHandOverAsync())
            {
                await UnderGateAsync(CommitOpen);
                if (!await _handedOver.Reader.WaitToReadAsync())
                {
                    return;
                }
            }

            await UnderGateAsync(() => ApplyAsync(readBackTo: 0, commit: false, CancellationToken.None));
        }
    }

    /// <summary>Whether a hand-over is waiting, or comes before an open transaction has waited <see cref="IdleCommit"/>.</summary>
    private async Task<bool> WaitForHandOverAsync()
    {
        if (_handedOver.Reader.TryPeek(out _))
        {
            return true;
        }

        if (!_open)
        {
            return false;
        }

        using var idle = new CancellationTokenSource(IdleCommit, _timeProvider);
        try
        {
            return await _handedOver.Reader.WaitToReadAsync(idle.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task UnderGateAsync(Func<Task> work)
    {
        await _gate.WaitAsync();
        try
        {
            await work();
        }
        catch (Exception exception)
        {
            // What was handed over is lost, not the text: the next write, or the next search, reads it back.
            Log.ApplyFailed(_logger, FilePath, exception);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Into the open transaction, beginning one if none is: every write handed over so far, in change-feed order, reading
    /// back from the documents what lies between them and what is already indexed; then, up to
    /// <paramref name="readBackTo"/>, what nothing handed over. Commits when <paramref name="commit"/>, when the
    /// transaction holds <see cref="RowsPerCommit"/> events, or when it has been open <see cref="MaxOpen"/>. A failure
    /// rolls back everything the transaction held.
    /// </summary>
    private async Task ApplyAsync(long readBackTo, bool commit, CancellationToken cancellationToken)
    {
        var s = await OpenAsync(cancellationToken);
        if (!_open)
        {
            s.Execute("BEGIN;");
            (_open, _pending, _pendingRows, _openedAt) = (true, _reached, 0, _timeProvider.GetTimestamp());
        }

        try
        {
            while (_handedOver.Reader.TryRead(out var batch))
            {
                if (batch.LastSequence <= _pending)
                {
                    continue; // Read back from the documents already.
                }

                if (batch.FirstSequence > _pending + 1)
                {
                    _pendingRows += await ReadBackAsync(_pending, batch.FirstSequence - 1, cancellationToken);
                }

                foreach (var row in batch.Rows)
                {
                    Write(row);
                }

                (_pending, _pendingRows) = (batch.LastSequence, _pendingRows + batch.Rows.Count);
            }

            if (readBackTo > _pending)
            {
                _pendingRows += await ReadBackAsync(_pending, readBackTo, cancellationToken);
                _pending = readBackTo;
            }

            if (commit || _pendingRows >= RowsPerCommit || _timeProvider.GetElapsedTime(_openedAt) >= MaxOpen)
            {
                Commit(s);
            }
        }
        catch
        {
            if (_open)
            {
                Rollback(s);
            }

            throw;
        }
    }

    /// <summary>Commits the open transaction, if there is one.</summary>
    private Task CommitOpen()
    {
        if (_open)
        {
            Commit(_statements!);
        }

        return Task.CompletedTask;
    }

    /// <summary>Commits the open transaction with the position it reached, which searches may then rely on.</summary>
    private void Commit(RawStatements s)
    {
        try
        {
            s.Integer(_position, 1, _pending);
            s.Step(_position);
            s.Execute("COMMIT;");
        }
        catch
        {
            Rollback(s);
            throw;
        }

        _open = false;
        Volatile.Write(ref _reached, _pending);
    }

    /// <summary>Drops the open transaction: its events are read back from the documents by the next write or search.</summary>
    private void Rollback(RawStatements s)
    {
        _open = false;
        if (raw.sqlite3_get_autocommit(s.Db) == 0) // SQLite may have rolled back already, after the error that brought us here.
        {
            s.Execute("ROLLBACK;");
        }
    }

    /// <summary>The current text of every event changed after sequence <paramref name="after"/> up to <paramref name="to"/>.</summary>
    private async Task<int> ReadBackAsync(long after, long to, CancellationToken cancellationToken)
    {
        var rows = 0;
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid, document FROM events WHERE id IN (SELECT event_id FROM change_feed WHERE sequence > $after AND sequence <= $to) ORDER BY rowid;";
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$to", to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            Write(new SearchRow(reader.GetInt64(0), Replaces: true, SearchableText.Of(EventDocument.Deserialize(reader.GetString(1)))));
            rows++;
        }

        return rows;
    }

    private void Write(SearchRow row)
    {
        var s = _statements!;
        if (row.Replaces)
        {
            s.Integer(_delete, 1, row.RowId);
            s.Step(_delete);
        }

        s.Integer(_insert, 1, row.RowId);
        s.Text(_insert, 2, row.Fields.Title);
        s.Text(_insert, 3, row.Fields.Summary);
        s.Text(_insert, 4, row.Fields.Place);
        s.Text(_insert, 5, row.Fields.Actors);
        s.Step(_insert);
    }

    /// <summary>The index file, open, and known to belong to this store and not to be ahead of it; rebuilt when it is not.</summary>
    private async Task<RawStatements> OpenAsync(CancellationToken cancellationToken)
    {
        if (_statements is not null)
        {
            return _statements;
        }

        // FTS5 merges its segments less eagerly than by default (up to 16 a level, 64 before it must): a million-row import
        // spent some 6 s of CPU merging, on a machine whose two cores the store's writer and the reading side also need,
        // and searches over that index took no longer (300 ms median either way, the import benchmark's search_after_import).
        // The WAL is checkpointed every 8,000 pages, as the store's writer does.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = FilePath, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        var s = new RawStatements(connection.Handle!); // An open connection has a handle.
        s.Execute(
            "PRAGMA page_size = 8192; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000; PRAGMA cache_size = -4096;" +
            "CREATE TABLE IF NOT EXISTS search_state (store TEXT NOT NULL, position INTEGER NOT NULL);" +
            "CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5 (title, summary, place, actors, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');" +
            "INSERT INTO events_fts (events_fts, rank) VALUES ('automerge', 16); INSERT INTO events_fts (events_fts, rank) VALUES ('crisismerge', 64);" +
            $"INSERT INTO events_fts (events_fts, rank) VALUES ('hashsize', {HashBytes}); PRAGMA wal_autocheckpoint = 8000;");
        _insert = s.Prepare("INSERT INTO events_fts (rowid, title, summary, place, actors) VALUES (?1, ?2, ?3, ?4, ?5);");
        _delete = s.Prepare("DELETE FROM events_fts WHERE rowid = ?1;");
        _position = s.Prepare("UPDATE search_state SET position = ?1;");
        _state = s.Prepare("INSERT INTO search_state (store, position) VALUES (?1, ?2);");
        (_connection, _statements) = (connection, s);
        try
        {
            var (store, position) = await ReadStateAsync(connection, cancellationToken);
            var (identity, head) = await ReadStoreAsync(cancellationToken);
            if (store == identity && position <= head)
            {
                _reached = position;
                return s;
            }

            await RebuildAsync(identity, cancellationToken);
            return s;
        }
        catch
        {
            // Closed, with whatever it had begun rolled back: the next use opens the file and checks it again.
            (_connection, _statements, _reached) = (null, null, -1);
            s.Dispose();
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Every event's current text, and the change-feed position they stand at, read in one snapshot of the store.</summary>
    private async Task RebuildAsync(string identity, CancellationToken cancellationToken)
    {
        var s = _statements!;
        Log.Rebuilding(_logger, FilePath);
        _rebuilding = true;
        try
        {
            await RebuildFromDocumentsAsync(s, identity, cancellationToken);
        }
        finally
        {
            _rebuilding = false;
        }
    }

    private async Task RebuildFromDocumentsAsync(RawStatements s, string identity, CancellationToken cancellationToken)
    {
        s.Execute("BEGIN; INSERT INTO events_fts (events_fts) VALUES ('delete-all'); DELETE FROM search_state; COMMIT;");
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var snapshot = connection.BeginTransaction(deferred: true);
        var head = await HeadAsync(connection, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid, document FROM events ORDER BY rowid;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = 0;
        s.Execute("BEGIN;");
        while (await reader.ReadAsync(cancellationToken))
        {
            Write(new SearchRow(reader.GetInt64(0), Replaces: false, SearchableText.Of(EventDocument.Deserialize(reader.GetString(1)))));
            if (++rows % RebuildRowsPerTransaction == 0)
            {
                s.Execute("COMMIT; BEGIN;");
            }
        }

        // The position is written last: a rebuild cut short leaves none, and starts again.
        s.Text(_state, 1, identity);
        s.Integer(_state, 2, head);
        s.Step(_state);
        s.Execute("COMMIT;");
        _reached = head;
        Log.Rebuilt(_logger, FilePath, rows, head);
    }

    private static async Task<(string? Store, long Position)> ReadStateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT store, position FROM search_state;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetString(0), reader.GetInt64(1)) : (null, 0);
    }

    private async Task<(string Identity, long Head)> ReadStoreAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM store_identity;";
        var identity = (string)(await command.ExecuteScalarAsync(cancellationToken))!; // Written by migration 0010.
        return (identity, await HeadAsync(connection, cancellationToken));
    }

    private async Task<long> ReadHeadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await HeadAsync(connection, cancellationToken);
    }

    private static async Task<long> HeadAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(sequence), 0) FROM change_feed;";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Rebuilding the search index {SearchIndexPath} from the store's documents")]
        public static partial void Rebuilding(ILogger logger, string searchIndexPath);

        [LoggerMessage(2, LogLevel.Information, "Rebuilt the search index {SearchIndexPath}: {Events} events, up to change {Position}")]
        public static partial void Rebuilt(ILogger logger, string searchIndexPath, int events, long position);

        [LoggerMessage(3, LogLevel.Warning, "The search index {SearchIndexPath} could not take a write; it is read back from the documents on the next write or search")]
        public static partial void ApplyFailed(ILogger logger, string searchIndexPath, Exception exception);
    }
}
