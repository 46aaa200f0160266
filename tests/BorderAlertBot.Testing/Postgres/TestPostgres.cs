using System.Globalization;
using Npgsql;

namespace BorderAlertBot.Testing.Postgres;

/// <summary>
/// A PostgreSQL server for tests and benchmarks: the one <c>BORDERALERTBOT_TEST_POSTGRES</c> names (an Npgsql connection
/// string of a user who may create databases), or else a throwaway cluster started with the machine's <c>initdb</c> and
/// <c>pg_ctl</c> (<see cref="ThrowawayCluster"/>). Each store under test gets a database of its own, dropped at the end.
/// When neither is possible, <see cref="SkipReason"/> says why, and a test skips with that reason — unless
/// <c>BORDERALERTBOT_REQUIRE_POSTGRES=1</c> (set by .ci/run), when it fails instead.
/// </summary>
public sealed class TestPostgres : IAsyncDisposable
{
    public const string ConnectionVariable = "BORDERALERTBOT_TEST_POSTGRES";
    public const string RequireVariable = "BORDERALERTBOT_REQUIRE_POSTGRES";

    private readonly ThrowawayCluster? _cluster;
    private readonly string? _adminConnectionString;
    private readonly List<string> _databases = [];
    private readonly Lock _gate = new();

    private TestPostgres(string? adminConnectionString, ThrowawayCluster? cluster, string? skipReason, string source)
    {
        _adminConnectionString = adminConnectionString;
        _cluster = cluster;
        SkipReason = skipReason;
        Source = source;
    }

    /// <summary>Why there is no server, or null when there is one.</summary>
    public string? SkipReason { get; }

    /// <summary>Where the server came from, for test output.</summary>
    public string Source { get; }

    public static bool IsRequired => Environment.GetEnvironmentVariable(RequireVariable) is "1" or "true";

    /// <summary>The server from the environment, or a new throwaway cluster; never throws for a missing PostgreSQL unless it is required.</summary>
    /// <param name="durable">A throwaway cluster that syncs its commits to disk as a real server does (for benchmarks).</param>
    public static async Task<TestPostgres> StartAsync(bool durable = false, CancellationToken cancellationToken = default)
    {
        if (Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } configured)
        {
            return new TestPostgres(configured, null, null, $"{ConnectionVariable} ({Describe(configured)})");
        }

        try
        {
            var cluster = await ThrowawayCluster.StartAsync(durable, cancellationToken);
            return new TestPostgres(cluster.AdminConnectionString, cluster, null, $"a throwaway cluster ({cluster.Describe})");
        }
        catch (ThrowawayClusterException exception) when (!IsRequired)
        {
            return new TestPostgres(null, null, $"PostgreSQL tests need {ConnectionVariable} or initdb/pg_ctl on this machine: {exception.Message}", "none");
        }
    }

    /// <summary>
    /// The connection string of a new, empty database. Skips the calling test (<see cref="Skip"/>) when there is no server.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string purpose = "test", CancellationToken cancellationToken = default)
    {
        Skip.If(SkipReason is not null, SkipReason);
        var name = string.Create(CultureInfo.InvariantCulture, $"bab_{purpose}_{Guid.NewGuid():N}")[..40].ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\";", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        lock (_gate)
        {
            _databases.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync(); // The databases go with it.
            return;
        }

        if (_adminConnectionString is null)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        foreach (var name in _databases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE);", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}";
    }
}
