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
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<PostgresDatabase> _logger;
    private readonly SemaphoreSlim _migrationGate = new(1, 1);
    private bool _migrated;

    public PostgresDatabase(IOptions<PostgresStoreOptions> options, TimeProvider timeProvider, ILogger<PostgresDatabase> logger)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString);
        Describe = string.Create(CultureInfo.InvariantCulture, $"{builder.Host}:{builder.Port}/{builder.Database}");
        _dataSource = NpgsqlDataSource.Create(builder);
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

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction of its own and commits it. A deadlock or serialization failure
    /// (PostgreSQL undoes the whole transaction) runs it again, up to three times, so it must only write to the database.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await OpenAsync(cancellationToken);
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

    /// <inheritdoc cref="WriteAsync{T}"/>
    public Task WriteAsync(Func<NpgsqlConnection, NpgsqlTransaction, Task> work, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction) =>
        {
            await work(connection, transaction);
            return true;
        }, cancellationToken);

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
