using BorderAlertBot.Abstractions;
using BorderAlertBot.Cli;
using BorderAlertBot.Domain;
using BorderAlertBot.Hosting;
using BorderAlertBot.Serialization;
using BorderAlertBot.Storage;
using BorderAlertBot.Testing.Builders;
using BorderAlertBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlertBot.Tests.Cli;

/// <summary><c>backup --out FILE</c>: a consistent copy of the SQLite store, also while it is being written; and restoring it.</summary>
public sealed class BackupCommandTests : IDisposable
{
    private readonly BotData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_backup_taken_while_events_are_written_is_one_consistent_moment_of_the_store_that_a_bot_can_run_on()
    {
        // Arrange: a writer adding events one transaction at a time, for as long as the backup takes.
        await using var store = await StoreAsync(_data.DatabasePath);
        var events = store.GetRequiredService<IEventStore>();
        await WriteAsync(events, 0, 50);
        using var stop = new CancellationTokenSource();
        var written = 50;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await WriteAsync(events, written, 1);
                Interlocked.Increment(ref written);
            }
        }, CancellationToken.None);
        await WaitForAsync(() => Volatile.Read(ref written) >= 80);
        var backup = Path.Combine(_data.Folder, "backups", "borderalertbot-1.db");

        // Act
        var result = await new CliRunner(_data.DatabasePath).RunAsync("backup", "--out", backup);
        var writtenBefore = Volatile.Read(ref written);
        await WaitForAsync(() => Volatile.Read(ref written) >= writtenBefore + 20);
        await stop.CancelAsync();
        await writer;

        // Assert: a single file (no WAL beside it), every event with its revision and change-feed entry, fewer than now.
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("integrity ok", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(backup + "-wal") && new FileInfo(backup + "-wal").Length > 0);
        var (count, withWholeHistory, feed) = await CountsAsync(backup);
        Assert.Equal(count, withWholeHistory);
        Assert.Equal(count, feed);
        Assert.InRange(count, 80, Volatile.Read(ref written) - 1);
        Assert.Contains($"{count} events", result.Output, StringComparison.Ordinal);

        // Restoring = putting the file in place of the store: a bot on it sees exactly those events.
        var restored = Path.Combine(_data.Folder, "restored", "borderalertbot.db");
        Directory.CreateDirectory(Path.GetDirectoryName(restored)!);
        File.Copy(backup, restored);
        await using var onRestored = await StoreAsync(restored);
        Assert.Equal(count, await onRestored.GetRequiredService<IEventQueries>().CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_backup_never_overwrites_a_file()
    {
        await (await StoreAsync(_data.DatabasePath)).DisposeAsync();
        var existing = _data.Write("existing.db", "precious");

        var result = await new CliRunner(_data.DatabasePath).RunAsync("backup", "--out", existing);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("already exists", result.Error, StringComparison.Ordinal);
        Assert.Equal("precious", await File.ReadAllTextAsync(existing));
    }

    [Fact]
    public async Task With_postgresql_as_the_store_backup_says_to_use_pg_dump_and_touches_nothing()
    {
        var result = await new CliRunner(_data.DatabasePath, new Dictionary<string, string?> { ["Store:Provider"] = "Postgres" })
            .RunAsync("backup", "--out", Path.Combine(_data.Folder, "pg.db"));

        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        Assert.Contains("pg_dump", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_data.Folder, "pg.db")));
    }

    private static async Task<ServiceProvider> StoreAsync(string path)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Store:Path"] = path }).Build();
        var services = new ServiceCollection().AddLogging().AddBorderAlertBotServices(configuration).BuildServiceProvider();
        await services.GetRequiredService<IStoreInitializer>().InitializeAsync(CancellationToken.None);
        return services;
    }

    private static Task WriteAsync(IEventStore events, int from, int count)
    {
        var now = TimeProvider.System.GetUtcNow();
        var written = Enumerable.Range(from, count)
            .Select(n => new EventBuilder().WithId($"evt_backup_{n}").WithRevision(new RevisionInfo(1, now, "backup-test", ["created"])).Build())
            .Select(item => new EventWrite(item, EventDocument.Fingerprint(item)))
            .ToList();
        return events.WriteAsync(written, CancellationToken.None);
    }

    /// <summary>Events; events whose earlier revisions are all there (the current one is the event's own document); events in the change feed.</summary>
    private static async Task<(long Events, long WithWholeHistory, long Feed)> CountsAsync(string path)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM events e WHERE e.revision = 1 + (SELECT COUNT(*) FROM event_revisions r WHERE r.event_id = e.id)), (SELECT COUNT(DISTINCT event_id) FROM change_feed);";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, deadline.Token);
        }
    }
}
