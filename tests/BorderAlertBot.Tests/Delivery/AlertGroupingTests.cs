using BorderAlertBot.Delivery;
using BorderAlertBot.Domain;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Tests.Delivery;

public sealed class AlertGroupingTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Three_events_within_the_group_window_go_out_as_one_message_when_the_window_ends()
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        await pipeline.SubscribeAsync(builder => builder.WithGroupWindow(Window));
        var first = await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.RunAsync();
        pipeline.Advance(TimeSpan.FromMinutes(1));
        var second = await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.RunAsync();
        pipeline.Advance(TimeSpan.FromMinutes(2));
        var third = await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.RunAsync();

        // Act
        pipeline.AdvanceTo(DeliveryPipeline.Start + Window - TimeSpan.FromMilliseconds(1));
        await pipeline.RunAsync();
        var sentBeforeTheWindowEnded = pipeline.Sender.RawCalls.Count;
        pipeline.AdvanceTo(DeliveryPipeline.Start + Window);
        await pipeline.RunAsync();

        // Assert
        Assert.Equal(0, sentBeforeTheWindowEnded);
        var message = Assert.Single(pipeline.Sender.Deliveries);
        Assert.Equal([first.Id, second.Id, third.Id], message.Message.Entries.Select(entry => entry.Event.Id));
    }

    [Fact]
    public async Task An_event_after_the_group_was_sent_starts_a_new_message()
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        await pipeline.SubscribeAsync(builder => builder.WithGroupWindow(Window));
        var grouped = await pipeline.ImportAsync(new EventBuilder().Build(), new EventBuilder().Build());
        await pipeline.RunAsync();
        pipeline.Advance(Window);
        await pipeline.RunAsync();

        // Act
        pipeline.Advance(TimeSpan.FromMinutes(1));
        var later = await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.RunAsync();
        var messagesBeforeItsWindowEnded = pipeline.Sender.Messages.Count;
        pipeline.Advance(Window);
        await pipeline.RunAsync();

        // Assert
        Assert.Equal(1, messagesBeforeItsWindowEnded);
        Assert.Collection(
            pipeline.Sender.Messages,
            message => Assert.Equal(grouped.Select(conflictEvent => conflictEvent.Id), message.Message.Entries.Select(entry => entry.Event.Id)),
            message => Assert.Equal(later.Id, Assert.Single(message.Message.Entries).Event.Id));
    }

    [Fact]
    public async Task A_group_larger_than_a_message_holds_is_split_into_messages_of_at_most_that_many_events()
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        pipeline.Sender.MaxEntriesPerMessage = 2;
        await pipeline.SubscribeAsync(builder => builder.WithGroupWindow(Window));
        var events = await pipeline.ImportAsync([.. Enumerable.Range(0, 5).Select(_ => new EventBuilder().Build())]);
        await pipeline.RunAsync();

        // Act
        pipeline.Advance(Window);
        await pipeline.RunAsync();

        // Assert
        var messages = pipeline.Sender.Messages;
        Assert.Equal([2, 2, 1], messages.Select(message => message.Message.Entries.Count));
        Assert.Equal(events.Select(conflictEvent => conflictEvent.Id), messages.SelectMany(message => message.Message.Entries).Select(entry => entry.Event.Id));
        Assert.Equal(3, messages.Select(message => message.IdempotencyKey).Distinct().Count());
        Assert.Equal(new OutboxCounts(0, 5, 0), await pipeline.Outbox.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_split_group_whose_second_message_must_wait_still_delivers_every_event_once()
    {
        // Arrange: the platform takes the group's first message and answers the second with "retry after 10 s".
        using var pipeline = await DeliveryPipeline.StartAsync();
        pipeline.Sender.MaxEntriesPerMessage = 2;
        pipeline.Sender.DeliverNext().ReturnNext(new DeliveryResult.RetryAfter(TimeSpan.FromSeconds(10), "rate limited"));
        await pipeline.SubscribeAsync(builder => builder.WithGroupWindow(Window));
        var events = await pipeline.ImportAsync([.. Enumerable.Range(0, 3).Select(_ => new EventBuilder().Build())]);
        await pipeline.RunAsync();
        pipeline.Advance(Window);
        await pipeline.DispatchAsync();

        // Act
        pipeline.Advance(TimeSpan.FromSeconds(10));
        await pipeline.DispatchAsync();

        // Assert
        var messages = pipeline.Sender.Messages;
        Assert.Equal(2, messages.Count);
        Assert.Equal(events.Select(conflictEvent => conflictEvent.Id), messages.SelectMany(message => message.Message.Entries).Select(entry => entry.Event.Id));
        Assert.Equal(new OutboxCounts(0, 3, 0), await pipeline.Outbox.CountAsync(CancellationToken.None));
    }
}
