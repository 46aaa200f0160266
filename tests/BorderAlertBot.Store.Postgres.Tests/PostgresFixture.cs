using BorderAlertBot.Delivery;
using BorderAlertBot.Storage;
using BorderAlertBot.Testing.Contracts;
using BorderAlertBot.Testing.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BorderAlertBot.Store.Postgres.Tests;

/// <summary>
/// One PostgreSQL server for every test here (<see cref="TestPostgres"/>: <c>BORDERALERTBOT_TEST_POSTGRES</c>, or a
/// throwaway cluster), a database per store a test asks for, and the stores opened on it. Without a server the tests
/// skip, saying why — or fail when <c>BORDERALERTBOT_REQUIRE_POSTGRES=1</c>.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly List<PostgresDatabase> _databases = [];
    private readonly Lock _gate = new();

    public TestPostgres Server { get; private set; } = null!; // Set by InitializeAsync.

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync() => Server = await TestPostgres.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }

        await Server.DisposeAsync();
    }

    /// <summary>The connection string of a new, empty database.</summary>
    public Task<string> NewDatabaseAsync() => Server.CreateDatabaseAsync();

    /// <summary>A store on the database, as one instance would open it (its own pool, its own notification origin).</summary>
    public PostgresDatabase Database(string connectionString, TimeProvider? time = null)
    {
        var database = new PostgresDatabase(Options.Create(new PostgresStoreOptions { ConnectionString = connectionString }), time ?? Time, NullLogger<PostgresDatabase>.Instance);
        lock (_gate)
        {
            _databases.Add(database);
        }

        return database;
    }

    /// <summary>Every port on <paramref name="database"/>, with the signals its writes fire.</summary>
    public StoreUnderTest Open(PostgresDatabase database, ChangeSignal? changes = null, OutboxSignal? outbox = null)
    {
        var feed = new PostgresChangeFeed(database, Time);
        return new StoreUnderTest(new PostgresEventStore(database, changes ?? new ChangeSignal(Time)), new PostgresEventQueries(database), feed, feed,
            new PostgresSubscriptionStore(database), new PostgresOutboxStore(database, outbox ?? new OutboxSignal(Time)), new PostgresDeliveryLog(database),
            new PostgresLeaseStore(database), new PostgresSourceStateStore(database));
    }

    /// <summary>A fresh, empty store on a database of its own.</summary>
    public async Task<StoreUnderTest> NewStoreAsync() => Open(Database(await NewDatabaseAsync()));
}
