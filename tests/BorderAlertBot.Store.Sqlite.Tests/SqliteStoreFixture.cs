using BorderAlertBot.Storage;
using BorderAlertBot.Testing.Contracts;
using BorderAlertBot.Testing.Files;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BorderAlertBot.Store.Sqlite.Tests;

/// <summary>Real SQLite files in a temp folder, one per store the test asks for.</summary>
public sealed class SqliteStoreFixture : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly List<SqliteDatabase> _databases = [];

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));

    public ChangeSignal Signal { get; private set; } = null!; // Set by Open.

    public string NewPath() => _directory.File($"{Guid.NewGuid():N}/events.db");

    public SqliteDatabase Database(string path)
    {
        var database = new SqliteDatabase(Options.Create(new SqliteStoreOptions { Path = path }), Time, NullLogger<SqliteDatabase>.Instance);
        _databases.Add(database);
        return database;
    }

    public StoreUnderTest Open(string path)
    {
        var database = Database(path);
        Signal = new ChangeSignal(Time);
        var feed = new SqliteChangeFeed(database, Time);
        return new StoreUnderTest(new SqliteEventStore(database, Signal), new SqliteEventQueries(database), feed, feed, new SqliteSubscriptionStore(database, Time),
            new SqliteOutboxStore(database, new Delivery.OutboxSignal(Time)), new SqliteDeliveryLog(database), new SqliteLeaseStore(database),
            new SqliteSourceStateStore(database));
    }

    /// <summary>Closes every store opened so far, as a stopped process would leave the files.</summary>
    public void CloseAll()
    {
        foreach (var database in _databases)
        {
            database.Dispose();
        }

        _databases.Clear();
        SqliteConnection.ClearAllPools();
    }

    public void Dispose()
    {
        CloseAll();
        _directory.Dispose();
    }
}
