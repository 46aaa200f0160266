using System.Reflection;
using BorderAlertBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SQLitePCL;

namespace BorderAlertBot.Store.Sqlite;

/// <summary>
/// The database file: hands out open connections, runs the embedded migrations once before the first one, and writes
/// through one queue (<see cref="SqliteWriteQueue"/>): SQLite allows one writer at a time, WAL lets readers go on meanwhile.
/// </summary>
public sealed partial class SqliteDatabase : IDisposable
{
    private readonly string _connectionString;
    private readonly string _writeConnectionString;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SqliteDatabase> _logger;
    private readonly SemaphoreSlim _migrationGate = new(1, 1);
    private readonly SqliteWriteQueue _writes;
    private readonly Lazy<SqliteSearchIndex> _searchIndex;
    private bool _migrated;

    /// <summary>
    /// Sets SQLite up for this process before its first connection: multi-thread mode, in which a connection has no lock of
    /// its own, and no memory statistics, which take a lock around every allocation. In SQLite's default (serialized)
    /// mode every call — each bind, step and reset — takes and releases the connection's lock, and a million-row import
    /// makes some 30 million of them: the locks cost some 3 s of CPU and 2.5 s of such an import. Multi-thread mode asks
    /// only that a connection not be used by two threads at once, which ADO.NET asks already: every connection here is
    /// used by one caller at a time (the write queue's, the search index's behind its gate, each reader's its own).
    /// SQLite takes the settings only before it is first used; a process that opened a connection earlier keeps the
    /// defaults, which are as correct, only slower.
    /// </summary>
    static SqliteDatabase()
    {
        Batteries_V2.Init();
        _ = raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD); // SQLITE_MISUSE once SQLite is in use: it keeps its defaults.
        _ = raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0);
    }

    public SqliteDatabase(IOptions<SqliteStoreOptions> options, TimeProvider timeProvider, ILogger<SqliteDatabase> logger)
    {
        FilePath = System.IO.Path.GetFullPath(options.Value.Path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

        // A pool of its own (the pool is per connection string): the writer's settings, its 32 MB cache above all, stay on
        // the writer's connections instead of following a pooled connection to every reader.
        _writeConnectionString = new SqliteConnectionStringBuilder(_connectionString) { ForeignKeys = true }.ToString();
        _timeProvider = timeProvider;
        _logger = logger;
        _writes = new SqliteWriteQueue(OpenForWritingAsync);
        _searchIndex = new(() => new SqliteSearchIndex(this, timeProvider, logger));
    }

    public string FilePath { get; }

    /// <summary>The events' full-text index, in a file of its own beside this one.</summary>
    public SqliteSearchIndex SearchIndex => _searchIndex.Value;

    /// <summary>A connection for reading. Write through <see cref="WriteAsync{T}"/>.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureMigratedAsync(cancellationToken);
        return await OpenRawAsync(cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> inside a write transaction, possibly shared with other writers' work (group commit),
    /// and returns once that transaction is committed. If <paramref name="work"/> throws, only its own writes are undone.
    /// It must not commit or roll back the transaction, write through another connection, or wait for another write (that
    /// write would be queued behind this one, which waits for it).
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        _writes.WriteAsync(work, cancellationToken);

    /// <inheritdoc cref="WriteAsync{T}"/>
    public Task WriteAsync(Func<SqliteConnection, SqliteTransaction, Task> work, CancellationToken cancellationToken) =>
        _writes.WriteAsync(async (connection, transaction) =>
        {
            await work(connection, transaction);
            return true;
        }, cancellationToken);

    /// <summary>Creates the file and applies every embedded migration not yet applied, each in its own transaction.</summary>
    public async Task EnsureMigratedAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _migrated))
        {
            return;
        }

        await _migrationGate.WaitAsync(cancellationToken);
        try
        {
            if (_migrated)
            {
                return;
            }

            var folder = System.IO.Path.GetDirectoryName(FilePath);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            await using var connection = await OpenRawAsync(cancellationToken);

            // 8 KB pages, which only a new file takes (a store created with 4 KB keeps them). An event's row is some 1.5 KB,
            // mostly its document: a 4 KB page holds two and leaves a quarter empty, an 8 KB page five. A million-row ACLED
            // import wrote a sixth less and took some 8 % less time.
            await ExecuteAsync(connection, "PRAGMA page_size = 8192; PRAGMA busy_timeout = 30000; PRAGMA journal_mode = WAL;", cancellationToken);
            foreach (var migration in await EmbeddedMigration.ApplyAsync(connection, Assembly.GetExecutingAssembly(), _timeProvider.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken))
            {
                Log.MigrationApplied(_logger, migration.Name, FilePath);
            }

            _migrated = true;
        }
        finally
        {
            _migrationGate.Release();
        }
    }

    public void Dispose()
    {
        if (_searchIndex.IsValueCreated)
        {
            _searchIndex.Value.Dispose();
        }

        _migrationGate.Dispose();
    }

    // Pooled: opening is cheap, and reading needs no settings (these only matter to writes). Statements are parsed on
    // every command, so none is run here that a read does not need.
    private Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken) => OpenPooledAsync(_connectionString, cancellationToken);

    private static async Task<SqliteConnection> OpenPooledAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// A connection for the write queue: foreign keys enforced (by its connection string, on every open), commits without an fsync each (WAL, NORMAL), waits for
    /// another process's writer; a 32 MB page cache, so a batch of thousands of events does not spill half-written pages
    /// into the WAL, and statement journals in memory rather than temporary files. The WAL is copied back into the file
    /// once it holds 8,000 pages (64 MB) rather than SQLite's 1,000: the index pages every write touches are copied once
    /// per checkpoint, and a million-row import, which checkpointed at almost every batch, took 5 % less time.
    /// </summary>
    private async Task<SqliteConnection> OpenForWritingAsync(CancellationToken cancellationToken)
    {
        await EnsureMigratedAsync(cancellationToken);
        var connection = await OpenPooledAsync(_writeConnectionString, cancellationToken);
        await ExecuteAsync(connection, "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000; PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 8000;", cancellationToken);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Applied migration {Migration} to {DatabasePath}")]
        public static partial void MigrationApplied(ILogger logger, string migration, string databasePath);
    }
}
