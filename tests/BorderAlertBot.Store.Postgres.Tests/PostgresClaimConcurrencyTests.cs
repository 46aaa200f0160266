using System.Collections.Concurrent;
using BorderAlertBot.Delivery;
using BorderAlertBot.Domain;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Testing;

namespace BorderAlertBot.Store.Postgres.Tests;

/// <summary>Outbox claims with FOR UPDATE SKIP LOCKED: instances claiming at once split the work and never share it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresClaimConcurrencyTests(PostgresFixture fixture)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    [SkippableFact]
    public async Task Many_instances_claiming_at_once_never_get_the_same_row_and_never_two_batches_of_one_subscription()
    {
        // Arrange: 60 subscriptions × 5 alerts, and 6 instances (their own pools) that claim, "send" and complete.
        var connectionString = await fixture.NewDatabaseAsync();
        var instances = Enumerable.Range(0, 6).Select(_ => fixture.Open(fixture.Database(connectionString))).ToList();
        var subscriptions = Enumerable.Range(0, 60).Select(_ => SubscriptionId.New()).ToList();
        var now = fixture.Time.GetUtcNow();
        var entries = subscriptions.SelectMany(subscription => Enumerable.Range(0, 5)
            .Select(_ => new OutboxEntry(subscription, "console:default", Some.EventId(), 1, OutboxAction.Alert, now, now))).ToList();
        await instances[0].Outbox.EnqueueAsync(entries, "watcher", 1, CancellationToken.None);
        var claimedRows = new ConcurrentBag<long>();
        var inFlight = new ConcurrentDictionary<SubscriptionId, string>();
        var overlaps = new ConcurrentBag<string>();

        // Act
        await Task.WhenAll(instances.Select(instance => Task.Run(async () =>
        {
            while (await instance.Outbox.ClaimDueAsync(now, Lease, 4, CancellationToken.None) is { Count: > 0 } batches)
            {
                foreach (var batch in batches)
                {
                    if (!inFlight.TryAdd(batch.SubscriptionId, batch.GroupId))
                    {
                        overlaps.Add($"{batch.SubscriptionId}: {batch.GroupId} while {inFlight[batch.SubscriptionId]} was in flight");
                    }

                    foreach (var item in batch.Items)
                    {
                        claimedRows.Add(item.Id);
                    }
                }

                foreach (var batch in batches)
                {
                    inFlight.TryRemove(batch.SubscriptionId, out _);
                    await instance.Outbox.CompleteAsync(batch.GroupId, [.. batch.Items.Select(item => item.Id)], "msg", now, CancellationToken.None);
                }
            }
        })));

        // Assert
        Assert.Empty(overlaps);
        Assert.Equal(entries.Count, claimedRows.Count);
        Assert.Equal(entries.Count, claimedRows.Distinct().Count());
        Assert.Equal(new OutboxCounts(0, entries.Count, 0), await instances[0].Outbox.CountAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_claim_skips_a_subscription_another_instance_is_claiming_instead_of_waiting_for_it()
    {
        // Arrange: one instance holds a's lane in an open transaction, as in the middle of its claim.
        var connectionString = await fixture.NewDatabaseAsync();
        var first = fixture.Database(connectionString);
        var second = fixture.Open(fixture.Database(connectionString));
        var (a, b) = (SubscriptionId.New(), SubscriptionId.New());
        var now = fixture.Time.GetUtcNow();
        await second.Outbox.EnqueueAsync(
            [new OutboxEntry(a, "console:default", Some.EventId(), 1, OutboxAction.Alert, now, now), new OutboxEntry(b, "console:default", Some.EventId(), 1, OutboxAction.Alert, now, now)],
            "watcher", 1, CancellationToken.None);
        await using var connection = await first.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var hold = new Npgsql.NpgsqlCommand("SELECT 1 FROM outbox_lanes WHERE subscription_id = @a FOR UPDATE;", connection, transaction))
        {
            hold.Parameters.AddWithValue("a", a.Value);
            await hold.ExecuteNonQueryAsync();
        }

        // Act
        var claimed = await second.Outbox.ClaimDueAsync(now, Lease, 16, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await transaction.RollbackAsync();
        var afterwards = await second.Outbox.ClaimDueAsync(now, Lease, 16, CancellationToken.None);

        // Assert
        Assert.Equal([b], claimed.Select(batch => batch.SubscriptionId));
        Assert.Equal([a], afterwards.Select(batch => batch.SubscriptionId));
    }
}
