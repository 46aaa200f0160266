using Microsoft.Data.Sqlite;

namespace BorderAlertBot.Store.Sqlite;

/// <summary>
/// The writes of this process, committed in groups. SQLite has one writer at a time, and at a hundred events a second
/// the pipeline makes over a thousand small writes a second — an event, outbox rows, a claim, a completion, a log line —
/// each of which would otherwise pay for its own transaction and wait its own turn. A caller that finds nobody writing
/// becomes the leader and writes at once, in its own flow; callers that arrive meanwhile queue their work, and the
/// leader then runs everything queued in one transaction, each piece in its own savepoint so a piece that fails is
/// undone alone and fails only its caller, and commits once. After its own piece is committed the leader hands what is
/// still queued to a pool thread and returns. Every caller's task completes after the commit, so what it wrote is
/// durable (and visible to readers) when its await returns.
/// </summary>
internal sealed class SqliteWriteQueue(Func<CancellationToken, Task<SqliteConnection>> open)
{
    private const int MaxPiecesPerTransaction = 256;
    private const string Savepoint = "piece";

    private readonly Lock _gate = new();
    private readonly Queue<IPiece> _queue = new();
    private bool _leading;

    private interface IPiece
    {
        CancellationToken CancellationToken { get; }

        Task Completion { get; }

        Task RunAsync(SqliteConnection connection, SqliteTransaction transaction);

        void Committed();

        void Fail(Exception exception);
    }

    /// <summary>Runs <paramref name="work"/> in a write transaction, perhaps shared; completes once that transaction is committed.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var piece = new Piece<T>(work, cancellationToken);
        bool lead;
        lock (_gate)
        {
            _queue.Enqueue(piece);
            lead = !_leading; // Otherwise the leader will write it.
            _leading = true;
        }

        if (lead)
        {
            await LeadAsync(until: piece);
        }

        return await piece.Task;
    }

    /// <summary>Commits what is queued, group after group, until <paramref name="until"/> is done; then hands over the rest.</summary>
    private async Task LeadAsync(IPiece? until)
    {
        var pieces = new List<IPiece>(MaxPiecesPerTransaction);
        while (true)
        {
            pieces.Clear();
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    _leading = false;
                    return;
                }

                if (until is not null && until.Completion.IsCompleted)
                {
                    // Our own write is done: let a pool thread lead the rest rather than keep our caller waiting.
                    _ = Task.Run(() => LeadAsync(until: null));
                    return;
                }

                while (pieces.Count < MaxPiecesPerTransaction && _queue.TryDequeue(out var piece))
                {
                    pieces.Add(piece);
                }
            }

            await CommitAsync(pieces);
        }
    }

    private async Task CommitAsync(List<IPiece> pieces)
    {
        var written = new List<IPiece>(pieces.Count);
        try
        {
            await using var connection = await open(CancellationToken.None);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            if (pieces.Count == 1)
            {
                // Alone in its transaction, a piece needs no savepoint: a failure rolls the whole transaction back, which
                // undoes exactly its writes. A savepoint would make SQLite keep a copy of every page the piece changes,
                // which for an import's batch of thousands of events costs more than the writes.
                await RunAloneAsync(pieces[0], connection, transaction);
                return;
            }

            foreach (var piece in pieces)
            {
                if (piece.CancellationToken.IsCancellationRequested)
                {
                    piece.Fail(new OperationCanceledException(piece.CancellationToken));
                    continue;
                }

                await transaction.SaveAsync(Savepoint);
                try
                {
                    await piece.RunAsync(connection, transaction);
                    await transaction.ReleaseAsync(Savepoint);
                    written.Add(piece);
                }
                catch (Exception exception)
                {
                    await transaction.RollbackAsync(Savepoint);
                    await transaction.ReleaseAsync(Savepoint);
                    piece.Fail(exception);
                }
            }

            await transaction.CommitAsync();
        }
        catch (Exception exception)
        {
            // Opening, beginning or committing failed: nothing of this transaction was written.
            foreach (var piece in pieces)
            {
                piece.Fail(exception); // A piece that already failed keeps its own error.
            }

            return;
        }

        foreach (var piece in written)
        {
            piece.Committed();
        }
    }

    private static async Task RunAloneAsync(IPiece piece, SqliteConnection connection, SqliteTransaction transaction)
    {
        if (piece.CancellationToken.IsCancellationRequested)
        {
            piece.Fail(new OperationCanceledException(piece.CancellationToken));
            return;
        }

        try
        {
            await piece.RunAsync(connection, transaction);
        }
        catch (Exception exception)
        {
            piece.Fail(exception);
            await transaction.RollbackAsync();
            return;
        }

        await transaction.CommitAsync();
        piece.Committed();
    }

    private sealed class Piece<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken) : IPiece
    {
        // Continuations run on the pool, never on the writer's loop: a caller's code must not hold up everyone's commit.
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Task => _completion.Task;

        public Task Completion => _completion.Task;

        public CancellationToken CancellationToken => cancellationToken;

        public async Task RunAsync(SqliteConnection connection, SqliteTransaction transaction) => _result = await work(connection, transaction);

        public void Committed() => _completion.TrySetResult(_result!);

        public void Fail(Exception exception)
        {
            if (exception is OperationCanceledException canceled && cancellationToken.IsCancellationRequested)
            {
                _completion.TrySetCanceled(canceled.CancellationToken);
                return;
            }

            _completion.TrySetException(exception);
        }
    }
}
