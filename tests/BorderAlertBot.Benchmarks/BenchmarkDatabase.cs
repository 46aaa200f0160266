extern alias host;

using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using BorderAlertBot.Serialization;
using BorderAlertBot.Storage;
using BorderAlertBot.Store.Sqlite;
using host::BorderAlertBot.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BorderAlertBot.Benchmarks;

/// <summary>
/// A real SQLite store holding <see cref="Events"/> events from <see cref="EventGenerator"/> (every 3 minutes over 3 years,
/// ~94 % verified), written through the store's own <see cref="IEventStore.WriteAsync"/>, with the bot's services composed
/// on it by <c>AddBorderAlertBotServices</c> (no workers are started). Building a million events takes minutes, so the file
/// is kept: <see cref="OpenAsync(string, int, int, CancellationToken)"/> reuses it when its side file
/// (<c>PATH.info.json</c>, written only once the build has finished) names the same generator, seed and event count and
/// the same text for every migration applied to it, and the store still holds that many events; otherwise it deletes the
/// file and builds it again. Migrations added since are applied on opening, as the bot would (18 s for 0005 at 1,000,000).
/// </summary>
public sealed class BenchmarkDatabase : IDisposable
{
    /// <summary>Raise when <see cref="EventGenerator"/> changes what it generates for a seed, so cached files are rebuilt.</summary>
    private const int GeneratorVersion = 1;
    private const int BatchSize = 5_000;

    private readonly IHost _host;

    private BenchmarkDatabase(IHost host, string path, Info info, TimeSpan? buildTime)
    {
        _host = host;
        Path = path;
        Events = info.Events;
        Seed = info.Seed;
        FirstOccurred = info.FirstOccurred;
        LastOccurred = info.LastOccurred;
        BuildTime = buildTime;
    }

    /// <summary>The SQLite file.</summary>
    public string Path { get; }

    public int Events { get; }

    public int Seed { get; }

    /// <summary>When the earliest and the latest event occurred.</summary>
    public DateTimeOffset FirstOccurred { get; }

    /// <inheritdoc cref="FirstOccurred"/>
    public DateTimeOffset LastOccurred { get; }

    /// <summary>How long building the file took in this run; null when an earlier run's file was reused.</summary>
    public TimeSpan? BuildTime { get; }

    /// <summary>The bot's services on this file (store, queries, parser, answerer, charts, …).</summary>
    public IServiceProvider Services => _host.Services;

    public IEventStore Store => Services.GetRequiredService<IEventStore>();

    public IEventQueries Queries => Services.GetRequiredService<IEventQueries>();

    /// <summary>Size of the file and its write-ahead log, in bytes.</summary>
    public long SizeBytes => new[] { Path, Path + "-wal" }.Where(File.Exists).Sum(file => new FileInfo(file).Length);

    /// <summary>Where a database of <paramref name="events"/> events of <paramref name="seed"/> is kept by default: the system temp folder.</summary>
    public static string DefaultPath(int events, int seed) =>
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "borderalertbot-bench", string.Create(CultureInfo.InvariantCulture, $"events-{events}-seed-{seed}.db"));

    /// <inheritdoc cref="OpenAsync(string, int, int, Action{IServiceCollection}, CancellationToken)"/>
    public static Task<BenchmarkDatabase> OpenAsync(string path, int events, int seed, CancellationToken cancellationToken) =>
        OpenAsync(path, events, seed, _ => { }, cancellationToken);

    /// <summary>
    /// Opens the database at <paramref name="path"/>, building it first unless it already holds <paramref name="events"/>
    /// events of <paramref name="seed"/>. <paramref name="configureServices"/> runs after the bot's services are added, to
    /// replace one (a recording sender, a timed renderer).
    /// </summary>
    public static async Task<BenchmarkDatabase> OpenAsync(
        string path, int events, int seed, Action<IServiceCollection> configureServices, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!); // A full path has a folder.
        var migrations = MigrationHashes();
        var info = ReadInfo(path);
        if (info is { Generator: GeneratorVersion } && info.Seed == seed && info.Events == events && File.Exists(path)
            && info.Migrations?.All(applied => migrations.GetValueOrDefault(applied.Key) == applied.Value) == true)
        {
            var host = await StartAsync(path, configureServices, cancellationToken);
            if (await host.Services.GetRequiredService<IEventQueries>().CountAsync(cancellationToken) == events)
            {
                // Migrations added since the file was built have just been applied: record them too.
                info = info with { Migrations = migrations };
                await File.WriteAllTextAsync(InfoPath(path), JsonSerializer.Serialize(info), cancellationToken);
                return new BenchmarkDatabase(host, path, info, buildTime: null);
            }

            host.Dispose();
        }

        Delete(path);
        var stopwatch = Stopwatch.StartNew();
        var built = await StartAsync(path, configureServices, cancellationToken);
        try
        {
            var (first, last) = await WriteEventsAsync(built.Services, events, seed, cancellationToken);
            await CheckpointAsync(path, cancellationToken);
            info = new Info(GeneratorVersion, seed, events, first, last, migrations);
            await File.WriteAllTextAsync(InfoPath(path), JsonSerializer.Serialize(info), cancellationToken);
            return new BenchmarkDatabase(built, path, info, stopwatch.Elapsed);
        }
        catch
        {
            built.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _host.Dispose();
        SqliteConnection.ClearAllPools();
    }

    private static async Task<IHost> StartAsync(string path, Action<IServiceCollection> configureServices, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:Path"] = path,
            ["Sample:LoadIntoEmptyStore"] = "false",
            ["ConsoleAlerts:Enabled"] = "false",
        });
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddBorderAlertBotServices(builder.Configuration);
        configureServices(builder.Services);
        var host = builder.Build();
        await host.Services.GetRequiredService<IStoreInitializer>().InitializeAsync(cancellationToken);
        return host;
    }

    /// <summary>
    /// Writes the events in batches of <see cref="BatchSize"/>, one store write each; the next batch is generated while
    /// the previous one is written. Progress goes to standard error, a line per tenth.
    /// </summary>
    private static async Task<(DateTimeOffset First, DateTimeOffset Last)> WriteEventsAsync(IServiceProvider services, int count, int seed, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IEventStore>();
        var generator = new EventGenerator(services.GetRequiredService<Gazetteer>(), services.GetRequiredService<BorderLocator>(), seed);
        var (first, last) = (DateTimeOffset.MaxValue, DateTimeOffset.MinValue);
        EventWrite[] Generate(int size) =>
            [.. generator.Next(size).Select(conflictEvent => new EventWrite(conflictEvent, EventDocument.Fingerprint(conflictEvent)))];

        var stopwatch = Stopwatch.StartNew();
        var next = Task.Run(() => Generate(Math.Min(BatchSize, count)), cancellationToken);
        var reported = 0;
        for (var written = 0; written < count;)
        {
            var batch = await next;
            var after = written + batch.Length;
            next = Task.Run(() => Generate(Math.Min(BatchSize, count - after)), cancellationToken);
            await store.WriteAsync(batch, cancellationToken);
            foreach (var write in batch)
            {
                var at = write.Event.Occurred.At;
                (first, last) = (at < first ? at : first, at > last ? at : last);
            }

            written = after;
            if (written * 10L / count > reported)
            {
                reported = (int)(written * 10L / count);
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"benchmark database: {written:N0} of {count:N0} events written in {stopwatch.Elapsed.TotalSeconds:0.0} s ({written / stopwatch.Elapsed.TotalSeconds:N0}/s)"));
            }
        }

        await next;
        return count == 0 ? (default, default) : (first, last);
    }

    /// <summary>Folds the write-ahead log into the file, so a reused file starts like a settled one.</summary>
    private static async Task CheckpointAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string InfoPath(string path) => path + ".info.json";

    /// <summary>
    /// The store's embedded migrations by name, each with a hash of its text. A file whose migrations were since edited
    /// (not merely added to) has a schema the store no longer makes, so it is built again.
    /// </summary>
    private static Dictionary<string, string> MigrationHashes()
    {
        var assembly = typeof(SqliteDatabase).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("Migrations.", StringComparison.Ordinal))
            .ToDictionary(name => name, name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!; // The name came from the manifest.
                return Convert.ToHexStringLower(SHA256.HashData(stream));
            }, StringComparer.Ordinal);
    }

    private static Info? ReadInfo(string path)
    {
        try
        {
            return File.Exists(InfoPath(path)) ? JsonSerializer.Deserialize<Info>(File.ReadAllText(InfoPath(path))) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { InfoPath(path), path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// What the side file records: which generator, seed and count built the file, the events' time span, and the
    /// migrations applied to it (null in a side file from before they were recorded).
    /// </summary>
    private sealed record Info(
        int Generator, int Seed, int Events, DateTimeOffset FirstOccurred, DateTimeOffset LastOccurred, IReadOnlyDictionary<string, string>? Migrations);
}
