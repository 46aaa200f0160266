using BorderAlertBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BorderAlertBot.Store.Postgres.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresDatabaseTests(PostgresFixture fixture)
{
    [SkippableFact]
    public async Task Instances_starting_together_apply_every_migration_once()
    {
        var connectionString = await fixture.NewDatabaseAsync();
        var instances = Enumerable.Range(0, 4).Select(_ => fixture.Database(connectionString)).ToList();

        await Task.WhenAll(instances.Select(instance => Task.Run(() => instance.EnsureMigratedAsync(CancellationToken.None))));

        await using var connection = await instances[0].OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand("SELECT name FROM schema_migrations ORDER BY version;", connection);
        var applied = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            applied.Add(reader.GetString(0));
        }

        Assert.Equal(EmbeddedMigration.ReadAll(typeof(PostgresDatabase).Assembly).Select(migration => migration.Name), applied);
    }

    [SkippableFact]
    public async Task A_database_that_cannot_be_reached_fails_without_showing_the_password()
    {
        // Arrange: a port nothing listens on, and a password that must appear nowhere.
        await fixture.NewDatabaseAsync(); // Skips like the others when there is no PostgreSQL at all.
        var connectionString = "Host=127.0.0.1;Port=1;Database=borderalertbot;Username=bot;Password=s3cret-pa55;Timeout=2";
        await using var database = new PostgresDatabase(Options.Create(new PostgresStoreOptions { ConnectionString = connectionString }), fixture.Time,
            NullLogger<PostgresDatabase>.Instance);

        // Act
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => database.EnsureMigratedAsync(CancellationToken.None));

        // Assert
        Assert.Equal("127.0.0.1:1/borderalertbot", database.Describe);
        Assert.DoesNotContain("s3cret-pa55", failure.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Delivery_bookkeeping_commits_without_waiting_for_the_disk_and_everything_else_waits()
    {
        // Arrange: a database that waits for the disk (the test cluster does not, unless told to).
        var connectionString = await fixture.NewDatabaseAsync();
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync();
            await using var wait = new NpgsqlCommand($"ALTER DATABASE \"{admin.Database}\" SET synchronous_commit = on;", admin);
            await wait.ExecuteNonQueryAsync();
        }

        var database = fixture.Database(connectionString);

        // Act

        var idempotent = await database.WriteAsync((connection, transaction) => SettingAsync(connection, transaction), Durability.Idempotent, CancellationToken.None);
        var flushed = await database.WriteAsync((connection, transaction) => SettingAsync(connection, transaction), CancellationToken.None);

        // Assert
        Assert.Equal(("off", "on"), (idempotent, flushed));

        static async Task<string> SettingAsync(NpgsqlConnection connection, NpgsqlTransaction transaction)
        {
            await using var show = new NpgsqlCommand("SHOW synchronous_commit;", connection, transaction);
            return (string)(await show.ExecuteScalarAsync())!; // SHOW always answers.
        }
    }
}
