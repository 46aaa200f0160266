using BorderAlertBot.Delivery;
using BorderAlertBot.Testing.Builders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Tests.Delivery;

public sealed class CrashRecoveryTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_batch_claimed_by_a_dispatcher_that_died_is_sent_after_its_lease_under_the_claimed_group()
    {
        // Arrange: a dispatcher claims the group and dies before completing it.
        using var pipeline = await DeliveryPipeline.StartAsync();
        await pipeline.SubscribeAsync(builder => builder.WithGroupWindow(TimeSpan.FromMinutes(5)));
        var events = await pipeline.ImportAsync(new EventBuilder().Build(), new EventBuilder().Build());
        await pipeline.WatchAsync();
        pipeline.Advance(TimeSpan.FromMinutes(5));
        var claimed = Assert.Single(await pipeline.Outbox.ClaimDueAsync(pipeline.Time.GetUtcNow(), Lease, 16, CancellationToken.None));

        // Act
        pipeline.Advance(Lease - TimeSpan.FromMilliseconds(1));
        await pipeline.DispatchAsync();
        var callsDuringTheLease = pipeline.Sender.RawCalls.Count;
        pipeline.Advance(TimeSpan.FromMilliseconds(1));
        await pipeline.DispatchAsync();

        // Assert
        Assert.Equal(0, callsDuringTheLease);
        var message = Assert.Single(pipeline.Sender.Messages);
        Assert.Equal(events.Select(conflictEvent => conflictEvent.Id), message.Message.Entries.Select(entry => entry.Event.Id));
        Assert.StartsWith(claimed.GroupId, message.IdempotencyKey, StringComparison.Ordinal);
        Assert.Equal(new OutboxCounts(0, 2, 0), await pipeline.Outbox.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_message_the_platform_took_just_before_the_dispatcher_died_is_not_delivered_twice_after_a_restart()
    {
        // Arrange: the platform keeps the message, then the process dies before it hears back or completes the row.
        using var pipeline = await DeliveryPipeline.StartAsync();
        pipeline.Sender.DeliverAndHangNext();
        await pipeline.SubscribeAsync(builder => builder.WithGroupWindow(TimeSpan.FromMinutes(5)));
        var events = await pipeline.ImportAsync(new EventBuilder().Build(), new EventBuilder().Build(), new EventBuilder().Build());
        await pipeline.WatchAsync();
        pipeline.Advance(TimeSpan.FromMinutes(5));
        var tookIt = pipeline.Sender.WhenAsync(sender => sender.Messages.Count == 1);
        _ = pipeline.DispatchAsync(); // Never completes: this dispatcher is dead from here on.
        await tookIt.WaitAsync(TimeSpan.FromSeconds(10));
        pipeline.OutboxHook.Die(); // And renews no lease: a dead process's leases run out.
        var lease = pipeline.Services.GetRequiredService<IOptions<DeliveryOptions>>().Value.ClaimLease;

        // Act: the bot restarts; the lease runs out.
        using var restarted = await pipeline.StartAnotherProcessAsync();
        await restarted.DispatchAsync();
        var callsDuringTheLease = pipeline.Sender.RawCalls.Count;
        pipeline.Advance(lease);
        await restarted.DispatchAsync();

        // Assert
        Assert.Equal(1, callsDuringTheLease);
        var calls = pipeline.Sender.RawCalls;
        Assert.Equal(["delivered", "duplicate"], calls.Select(call => call.Outcome));
        Assert.Equal(calls[0].IdempotencyKey, calls[1].IdempotencyKey);
        var message = Assert.Single(pipeline.Sender.Messages);
        Assert.Equal(events.Select(conflictEvent => conflictEvent.Id), message.Message.Entries.Select(entry => entry.Event.Id));
        Assert.Equal(new OutboxCounts(0, 3, 0), await restarted.Outbox.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_send_that_outlives_its_claim_lease_keeps_its_batch_and_another_instance_does_not_send_it_again()
    {
        // Arrange: the platform is slow to answer; the send is still on its way when the first lease would have run out.
        using var pipeline = await DeliveryPipeline.StartAsync();
        pipeline.Sender.DeliverAndHangNext();
        await pipeline.SubscribeAsync();
        await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.WatchAsync();
        var tookIt = pipeline.Sender.WhenAsync(sender => sender.Messages.Count == 1);
        _ = pipeline.DispatchAsync(); // Alive, but its send does not finish.
        await tookIt.WaitAsync(TimeSpan.FromSeconds(10));
        using var other = await pipeline.StartAnotherProcessAsync();

        // Act: two leases pass, a third at a time, with a moment of real time for the renewals.
        for (var step = 0; step < 6; step++)
        {
            pipeline.Advance(Lease / 3);
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        }

        var claimedByTheOther = await other.DispatchAsync();

        // Assert
        Assert.Equal(0, claimedByTheOther);
        Assert.Single(pipeline.Sender.RawCalls);
    }
}
