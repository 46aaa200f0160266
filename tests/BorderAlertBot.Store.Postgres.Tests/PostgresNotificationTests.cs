using BorderAlertBot.Delivery;
using BorderAlertBot.Domain;
using BorderAlertBot.Serialization;
using BorderAlertBot.Storage;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Testing;
using BorderAlertBot.Testing.Builders;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace BorderAlertBot.Store.Postgres.Tests;

/// <summary>
/// LISTEN/NOTIFY: a commit on another instance wakes this instance's watcher and dispatcher at once. The readers wait with
/// a fallback poll on a fake clock that never moves, so only a notification can wake them.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresNotificationTests(PostgresFixture fixture)
{
    private static readonly TimeSpan Fallback = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan WellBeforeFallback = TimeSpan.FromSeconds(1);

    [SkippableFact]
    public async Task Events_written_by_another_instance_wake_a_waiting_change_feed_reader()
    {
        // Arrange
        var connectionString = await fixture.NewDatabaseAsync();
        var (listener, changes, _) = await ListenAsync(connectionString);
        var other = fixture.Open(fixture.Database(connectionString));
        var waiting = changes.WaitAsync(changes.Version, Fallback, CancellationToken.None);

        // Act
        var conflictEvent = new EventBuilder().Build() with { Revision = new RevisionInfo(1, fixture.Time.GetUtcNow(), "curator", ["created"]) };
        await other.Events.WriteAsync([new EventWrite(conflictEvent, EventDocument.Fingerprint(conflictEvent))], CancellationToken.None);

        // Assert
        await waiting.WaitAsync(WellBeforeFallback);
        await listener.StopAsync(CancellationToken.None);
    }

    [SkippableFact]
    public async Task Outbox_rows_enqueued_or_released_by_another_instance_wake_a_waiting_dispatcher()
    {
        // Arrange
        var connectionString = await fixture.NewDatabaseAsync();
        var (listener, _, outbox) = await ListenAsync(connectionString);
        var other = fixture.Open(fixture.Database(connectionString));
        var now = fixture.Time.GetUtcNow();
        var subscription = SubscriptionId.New();

        // Act and assert: an enqueue
        var waiting = outbox.WaitAsync(outbox.Version, Fallback, CancellationToken.None);
        await other.Outbox.EnqueueAsync([new OutboxEntry(subscription, "console:default", Some.EventId(), 1, OutboxAction.Alert, now, now)], "watcher", 1, CancellationToken.None);
        await waiting.WaitAsync(WellBeforeFallback);

        // Act and assert: a release (a batch given back)
        var batch = Assert.Single(await other.Outbox.ClaimDueAsync(now, TimeSpan.FromMinutes(1), 16, CancellationToken.None));
        waiting = outbox.WaitAsync(outbox.Version, Fallback, CancellationToken.None);
        await other.Outbox.ReleaseAsync(batch.GroupId, CancellationToken.None);
        await waiting.WaitAsync(WellBeforeFallback);
        await listener.StopAsync(CancellationToken.None);
    }

    [SkippableFact]
    public async Task An_instances_own_write_does_not_wake_its_readers_a_second_time_through_the_database()
    {
        // Arrange: the store and the listener of one instance share the database object (its origin).
        var connectionString = await fixture.NewDatabaseAsync();
        var database = fixture.Database(connectionString);
        var changes = new ChangeSignal(fixture.Time);
        var outbox = new OutboxSignal(fixture.Time);
        var listener = new PostgresNotificationListener(database, changes, outbox, fixture.Time, NullLogger<PostgresNotificationListener>.Instance);
        await listener.StartAsync(CancellationToken.None);
        await listener.Listening.WaitAsync(TimeSpan.FromSeconds(10));
        var store = fixture.Open(database, changes, outbox);
        var conflictEvent = new EventBuilder().Build() with { Revision = new RevisionInfo(1, fixture.Time.GetUtcNow(), "curator", ["created"]) };

        // Act
        var before = changes.Version;
        await store.Events.WriteAsync([new EventWrite(conflictEvent, EventDocument.Fingerprint(conflictEvent))], CancellationToken.None);
        var afterWrite = changes.Version;
        var other = fixture.Open(fixture.Database(connectionString));
        var waiting = changes.WaitAsync(afterWrite, Fallback, CancellationToken.None);
        await other.Cursors.SetAsync("x", 1, CancellationToken.None); // No notification: cursors wake nobody.
        await other.Events.WriteAsync([new EventWrite(new EventBuilder().Build() with { Revision = conflictEvent.Revision }, "f")], CancellationToken.None);
        await waiting.WaitAsync(WellBeforeFallback);

        // Assert: one wake for the own write (in process), one for the other instance's.
        Assert.Equal((before + 1, afterWrite + 1), (afterWrite, changes.Version));
        await listener.StopAsync(CancellationToken.None);
    }

    [SkippableFact]
    public async Task The_listener_reconnects_after_its_connection_is_killed_and_wakes_readers_again()
    {
        // Arrange
        var connectionString = await fixture.NewDatabaseAsync();
        var (listener, changes, _) = await ListenAsync(connectionString, TimeProvider.System);
        var other = fixture.Open(fixture.Database(connectionString));
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;

        // Act: end every other session on the database, the listener's among them (as a failover or a restart would).
        var beforeKill = changes.Version;
        await using (var admin = await fixture.Database(connectionString).OpenAsync(CancellationToken.None))
        await using (var kill = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid();", admin))
        {
            kill.Parameters.AddWithValue("name", name!); // The connection string names its database.
            await kill.ExecuteNonQueryAsync();
        }

        // Assert: it listens again (and wakes readers for whatever it may have missed), and the next commit elsewhere wakes them.
        await changes.WaitAsync(beforeKill, TimeSpan.FromHours(1), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        var reconnected = changes.Version;
        var waiting = changes.WaitAsync(reconnected, TimeSpan.FromHours(1), CancellationToken.None);
        var conflictEvent = new EventBuilder().Build() with { Revision = new RevisionInfo(1, fixture.Time.GetUtcNow(), "curator", ["created"]) };
        await other.Events.WriteAsync([new EventWrite(conflictEvent, EventDocument.Fingerprint(conflictEvent))], CancellationToken.None);
        await waiting.WaitAsync(WellBeforeFallback);
        await listener.StopAsync(CancellationToken.None);
    }

    private async Task<(PostgresNotificationListener Listener, ChangeSignal Changes, OutboxSignal Outbox)> ListenAsync(string connectionString, TimeProvider? time = null)
    {
        var changes = new ChangeSignal(fixture.Time);
        var outbox = new OutboxSignal(fixture.Time);
        var listener = new PostgresNotificationListener(fixture.Database(connectionString), changes, outbox, time ?? fixture.Time, NullLogger<PostgresNotificationListener>.Instance);
        await listener.StartAsync(CancellationToken.None);
        await listener.Listening.WaitAsync(TimeSpan.FromSeconds(10));
        return (listener, changes, outbox);
    }
}
