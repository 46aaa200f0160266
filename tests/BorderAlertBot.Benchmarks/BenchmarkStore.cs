using System.CommandLine;
using System.Globalization;
using BorderAlertBot.Testing.Postgres;
using Microsoft.Data.Sqlite;

namespace BorderAlertBot.Benchmarks;

/// <summary>
/// Where a scenario's bot keeps its store: a fresh SQLite file (the default), or a fresh PostgreSQL database —
/// on <c>--connection-string</c> (a user who may create databases), else on a throwaway cluster started with the
/// machine's initdb and pg_ctl (fsync on, as a real server) — shared by <c>--instances</c> bots.
/// </summary>
public sealed class BenchmarkStore : IAsyncDisposable
{
    private readonly DirectoryInfo? _folder;
    private readonly TestPostgres? _postgres;

    private BenchmarkStore(string kind, int instances, IReadOnlyDictionary<string, string?> settings, DirectoryInfo? folder, TestPostgres? postgres)
    {
        Kind = kind;
        Instances = instances;
        Settings = settings;
        _folder = folder;
        _postgres = postgres;
    }

    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    public string Kind { get; }

    /// <summary>How many bot instances share the store.</summary>
    public int Instances { get; }

    /// <summary>The store's configuration keys for every instance.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public static Option<string> StoreOption() => new("--store") { Description = "sqlite (default) or postgres.", DefaultValueFactory = _ => "sqlite" };

    public static Option<int> InstancesOption() => new("--instances") { Description = "Bot instances sharing the store, each with its own watcher and dispatcher loops (PostgreSQL).", DefaultValueFactory = _ => 1 };

    public static Option<bool> AsyncCommitOption() =>
        new("--async-commit") { Description = "PostgreSQL: the bot's sessions commit with synchronous_commit=off (no wait for the WAL flush), as SQLite's WAL with synchronous=NORMAL does." };

    public static Option<string?> ConnectionStringOption() => new("--connection-string") { Description = "PostgreSQL: an existing server (a user who may create databases) instead of a throwaway cluster." };

    public static async Task<BenchmarkStore> CreateAsync(string name, string kind, int instances, string? connectionString, bool asyncCommit, CancellationToken cancellationToken)
    {
        instances = Math.Max(1, instances);
        if (string.Equals(kind, "postgres", StringComparison.OrdinalIgnoreCase))
        {
            if (connectionString is { Length: > 0 })
            {
                Environment.SetEnvironmentVariable(TestPostgres.ConnectionVariable, connectionString);
            }

            var postgres = await TestPostgres.StartAsync(durable: true, cancellationToken);
            if (postgres.SkipReason is { } reason)
            {
                await postgres.DisposeAsync();
                throw new InvalidOperationException(reason);
            }

            var database = await postgres.CreateDatabaseAsync(name, cancellationToken);
            if (asyncCommit)
            {
                database = new Npgsql.NpgsqlConnectionStringBuilder(database) { Options = "-c synchronous_commit=off" }.ConnectionString;
            }

            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"store: PostgreSQL on {postgres.Source}, {instances} instance(s), synchronous_commit {(asyncCommit ? "off" : "on")}"));
            return new BenchmarkStore("postgres", instances, new Dictionary<string, string?> { ["Store:Provider"] = "Postgres", ["Store:ConnectionString"] = database }, null, postgres);
        }

        var folder = Directory.CreateTempSubdirectory($"borderalertbot-{name}-");
        return new BenchmarkStore("sqlite", instances, new Dictionary<string, string?> { ["Store:Path"] = Path.Combine(folder.FullName, "events.db") }, folder, null);
    }

    public void Print(string scenario)
    {
        new Measurement(scenario, "store_" + Kind, 1, "flag").Print();
        new Measurement(scenario, "instances", Instances, "count").Print();
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder?.Delete(recursive: true);
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
