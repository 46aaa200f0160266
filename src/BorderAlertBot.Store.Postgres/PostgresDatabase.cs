using System.Globalization;
using System.Reflection;
using BorderAlertBot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BorderAlertBot.Store.Postgres;

/// <summary>
/// The database: a pool of connections (one <see cref="NpgsqlDataSource"/>), the embedded migrations run once before the
/// first connection is handed out — under an advisory lock, so instances starting together migrate one at a time — and
/// write transactions. Unlike SQLite, PostgreSQL takes many writers at once, so each write is its own transaction.
/// </summary>
public sealed partial class PostgresDatabase : IAsyncDisposable
{
    // Any fixed pair: the first number names this application among others that may take advisory locks in the database.
    private const int LockSpace = 0x0B0A_0B07;
    private const int MigrationLock = 1;
    private const int MaxAttempts = 3;

    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlDataSource _idempotent;
    private readonly string _listenerConnectionString;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<PostgresDatabase> _logger;
    private readonly SemaphoreSlim _migrationGate = new(1, 1);
    private bool _migrated;

    public PostgresDatabase(IOptions<PostgresStoreOptions> options, TimeProvider timeProvider, ILogger<PostgresDatabase> logger)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString);
        Describe = string.Create(CultureInfo.InvariantCulture, $"{builder.Host}:{builder.Port}/{builder.Database}");
        _listenerConnectionString = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Pooling = false }.ConnectionString;

        // The pipeline runs the same few dozen statements hundreds of times a second: prepared once per connection, the
        // server plans each only once. And its connections keep no session state to reset when they go back to the pool
        // (the LISTEN connection is not pooled), so none is reset. Max Auto Prepare may be set otherwise in the connection string.
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
        }

        builder.NoResetOnClose = true;
        _dataSource = NpgsqlDataSource.Create(builder);

        // A second pool whose sessions commit without waiting for the WAL flush, for idempotent writes (Durability).
        builder.Options = string.Join(' ', new[] { builder.Options, "-c synchronous_commit=off" }.Where(part => !string.IsNullOrWhiteSpace(part)));
        _idempotent = NpgsqlDataSource.Create(builder);
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Host, port and database, for logs: never the user's password.</summary>
    public string Describe { get; }

    /// <summary>This store's name in its own notifications, so its listener can tell them from other instances' (which it passes on).</summary>
    public string Origin { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The advisory lock pair (<see cref="LockSpace"/>, <paramref name="key"/>), as SQL arguments.</summary>
    public static string AdvisoryKey(int key) => string.Create(CultureInfo.InvariantCulture, $"{LockSpace}, {key}");

    /// <summary>An open connection, after the migrations.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureMigratedAsync(cancellationToken);
        return await _dataSource.OpenConnectionAsync(cancellationToken);
    }

    /// <summary>A connection of its own, outside the pool, for LISTEN: it ends with its session, never handed to another caller.</summary>
    public async Task<NpgsqlConnection> OpenListenerAsync(CancellationToken cancellationToken)
    {
        await EnsureMigratedAsync(cancellationToken);
        var connection = new NpgsqlConnection(_listenerConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction of its own and commits it. A deadlock or serialization failure
    /// (PostgreSQL undoes the whole transaction) runs it again, up to three times, so it must only write to the database.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        WriteAsync(work, Durability.Flushed, cancellationToken);

    /// <inheritdoc cref="WriteAsync{T}(Func{NpgsqlConnection, NpgsqlTransaction, Task{T}}, CancellationToken)"/>
    /// <param name="durability">Whether the commit waits for the disk (<see cref="Durability"/>).</param>
    public async Task<T> WriteAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, Durability durability, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await EnsureMigratedAsync(cancellationToken);
            await using var connection = await (durability == Durability.Idempotent ? _idempotent : _dataSource).OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            try
            {

                var result = await work(connection, transaction);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure && attempt < MaxAttempts)
            {
                Log.Retrying(_logger, exception.SqlState, attempt);
            }
        }
    }

    /// <inheritdoc cref="WriteAsync{T}(Func{NpgsqlConnection, NpgsqlTransaction, Task{T}}, Durability, CancellationToken)"/>
    public Task WriteAsync(Func<NpgsqlConnection, NpgsqlTransaction, Task> work, Durability durability, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction) =>
        {
            await work(connection, transaction);
            return true;
        }, durability, cancellationToken);

    /// <inheritdoc cref="WriteAsync{T}(Func{NpgsqlConnection, NpgsqlTransaction, Task{T}}, CancellationToken)"/>
    public Task WriteAsync(Func<NpgsqlConnection, NpgsqlTransaction, Task> work, CancellationToken cancellationToken) =>
        WriteAsync(work, Durability.Flushed, cancellationToken);

    /// <summary>Applies every embedded migration not yet applied, each in its own transaction, one instance at a time.</summary>
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

            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await ExecuteAsync(connection, $"SELECT pg_advisory_lock({AdvisoryKey(MigrationLock)});", cancellationToken);
            try
            {
                await MigrateAsync(connection, cancellationToken);
            }
            finally
            {
                await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryKey(MigrationLock)});", CancellationToken.None);
            }

            _migrated = true;
        }
        finally
        {
            _migrationGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await _idempotent.DisposeAsync();
        _migrationGate.Dispose();
    }

    private async Task MigrateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        foreach (var migration in await EmbeddedMigration.ApplyAsync(connection, Assembly.GetExecutingAssembly(), _timeProvider.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken))
        {
            Log.MigrationApplied(_logger, migration.Name, Describe);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Applied migration {Migration} to {Database}")]
        public static partial void MigrationApplied(ILogger logger, string migration, string database);

        [LoggerMessage(2, LogLevel.Information, "A write transaction was undone by PostgreSQL ({SqlState}); running it again (attempt {Attempt})")]
        public static partial void Retrying(ILogger logger, string sqlState, int attempt);
    }
}
