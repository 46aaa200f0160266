using BorderAlertBot.Alerting;
using BorderAlertBot.Delivery;
using BorderAlertBot.Domain;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Testing.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlertBot.Tests.Delivery;

public sealed class AlertLifecycleTests
{
    [Fact]
    public async Task A_new_revision_of_an_alerted_event_edits_the_original_message_with_what_changed()
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        await pipeline.SubscribeAsync(builder => builder.WithUpdates(UpdateMode.Edit));
        var clash = await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.RunAsync();
        var original = Assert.Single(pipeline.Sender.Messages);

        // Act
        var revised = await pipeline.AddSourceAsync(clash, "Myanmar Now");
        await pipeline.RunAsync();

        // Assert
        var edit = Assert.Single(pipeline.Sender.Edits);
        Assert.Equal(original.MessageRef, edit.MessageRef);
        var entry = Assert.Single(edit.Message.Entries);
        Assert.Equal(AlertKind.Updated, entry.Kind);
        Assert.Equal(2, entry.Event.Revision.Number);
        Assert.Contains(entry.Event.Revision.Changes, change => change.StartsWith("+ source: Myanmar Now", StringComparison.Ordinal));
        Assert.Equal("2 reports · 2 sources", entry.Event.Corroboration);
        Assert.Equal(revised.Revision.Changes, entry.Event.Revision.Changes);
        Assert.Empty(pipeline.Sender.Replies);
        Assert.Single(pipeline.Sender.Messages);
    }

    [Fact]
    public async Task A_new_revision_replies_in_the_thread_of_the_original_when_the_subscription_wants_replies()
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        await pipeline.SubscribeAsync(builder => builder.WithUpdates(UpdateMode.Reply));
        var clash = await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.RunAsync();
        var original = Assert.Single(pipeline.Sender.Messages);

        // Act
        await pipeline.AddSourceAsync(clash);
        await pipeline.RunAsync();

        // Assert
        var reply = Assert.Single(pipeline.Sender.Replies);
        Assert.Equal(original.MessageRef, reply.ThreadOf);
        var entry = Assert.Single(reply.Message.Entries);
        Assert.Equal(AlertKind.Updated, entry.Kind);
        Assert.Equal(2, entry.Event.Revision.Number);
        Assert.Empty(pipeline.Sender.Edits);
    }

    [Fact]
    public async Task A_new_revision_both_edits_the_original_and_replies_in_its_thread_when_the_subscription_wants_both()
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        await pipeline.SubscribeAsync(builder => builder.WithUpdates(UpdateMode.Both));
        var clash = await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.RunAsync();
        var original = Assert.Single(pipeline.Sender.Messages);

        // Act
        await pipeline.AddSourceAsync(clash);
        await pipeline.RunAsync();

        // Assert
        Assert.Equal(original.MessageRef, Assert.Single(pipeline.Sender.Edits).MessageRef);
        Assert.Equal(original.MessageRef, Assert.Single(pipeline.Sender.Replies).ThreadOf);
        Assert.All(pipeline.Sender.Deliveries.Skip(1), delivery => Assert.Equal(AlertKind.Updated, Assert.Single(delivery.Message.Entries).Kind));
    }

    [Fact]
    public async Task A_new_revision_changes_nothing_in_the_channel_when_the_subscription_wants_no_updates()
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        await pipeline.SubscribeAsync(builder => builder.WithUpdates(UpdateMode.None));
        var clash = await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.RunAsync();

        // Act
        await pipeline.AddSourceAsync(clash);
        await pipeline.RunAsync();

        // Assert
        Assert.Single(pipeline.Sender.RawCalls);
        Assert.Single(pipeline.Sender.Messages);
    }

    [Theory]
    [InlineData(UpdateMode.Edit)]
    [InlineData(UpdateMode.Reply)]
    [InlineData(UpdateMode.Both)]
    [InlineData(UpdateMode.None)]
    public async Task A_retraction_always_edits_the_original_to_retracted_with_the_reason(UpdateMode updates)
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        await pipeline.SubscribeAsync(builder => builder.WithUpdates(updates));
        var clash = await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.RunAsync();
        var original = Assert.Single(pipeline.Sender.Messages);

        // Act
        await pipeline.RetractAsync(clash, "The footage was from 2021.");
        await pipeline.RunAsync();

        // Assert
        var edit = Assert.Single(pipeline.Sender.Edits);
        Assert.Equal(original.MessageRef, edit.MessageRef);
        var entry = Assert.Single(edit.Message.Entries);
        Assert.Equal(AlertKind.Retracted, entry.Kind);
        Assert.Equal(EventStatus.Retracted, entry.Event.Status);
        Assert.Equal("The footage was from 2021.", entry.Event.StatusReason);
        Assert.Equal(updates is UpdateMode.Reply or UpdateMode.Both ? 1 : 0, pipeline.Sender.Replies.Count);
        Assert.Single(pipeline.Sender.Messages);
    }

    [Fact]
    public async Task An_alerted_event_merged_into_another_is_edited_to_say_so_and_the_other_gains_its_source()
    {
        // Arrange: two accounts of one clash were both alerted before a curator saw they are one.
        using var pipeline = await DeliveryPipeline.StartAsync();
        await pipeline.SubscribeAsync(builder => builder.WithUpdates(UpdateMode.Edit));
        var actor = new Actor("MNDAA", "MNDAA");
        var first = await pipeline.ImportAsync(new EventBuilder().WithActors(actor).Build());
        await pipeline.RunAsync();
        var second = await pipeline.ImportAsync(new EventBuilder().WithActors(actor).WithSources(new Source("Myanmar Now", new Uri("https://myanmar-now.org/a"), null)).Build());
        await pipeline.RunAsync();
        Assert.Equal(2, pipeline.Sender.Messages.Count);

        // Act
        var outcome = await pipeline.Services.GetRequiredService<Curation.EventCurator>().MergeAsync(first.Id, [second.Id], "mya", CancellationToken.None);
        await pipeline.RunAsync();

        // Assert
        Assert.True(outcome.Succeeded, outcome.Message);
        var merged = Assert.Single(pipeline.Sender.Edits, edit => edit.Message.Entries[0].Event.Id == second.Id).Message.Entries[0];
        Assert.Equal((AlertKind.Retracted, EventStatus.Merged), (merged.Kind, merged.Event.Status));
        Assert.Contains($"MERGED · ", AlertTextRenderer.Render(merged), StringComparison.Ordinal);
        Assert.Contains($"Merged: merged into {first.Id}", AlertTextRenderer.Render(merged), StringComparison.Ordinal);
        var gained = Assert.Single(pipeline.Sender.Edits, edit => edit.Message.Entries[0].Event.Id == first.Id).Message.Entries[0];
        Assert.Equal("2 reports · 2 sources", gained.Event.Corroboration);
        Assert.Equal(2, pipeline.Sender.Messages.Count);
    }

    [Fact]
    public async Task An_update_of_an_event_in_a_grouped_message_re_renders_the_whole_group()
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        await pipeline.SubscribeAsync(builder => builder.WithGroupWindow(TimeSpan.FromMinutes(5)));
        var events = await pipeline.ImportAsync(new EventBuilder().Build(), new EventBuilder().Build(), new EventBuilder().Build());
        await pipeline.RunAsync();
        pipeline.Advance(TimeSpan.FromMinutes(5));
        await pipeline.RunAsync();
        var original = Assert.Single(pipeline.Sender.Messages);

        // Act
        pipeline.Advance(TimeSpan.FromMinutes(10));
        await pipeline.AddSourceAsync(events[1]);
        await pipeline.RunAsync();

        // Assert
        var edit = Assert.Single(pipeline.Sender.Edits);
        Assert.Equal(original.MessageRef, edit.MessageRef);
        Assert.Equal(events.Select(conflictEvent => conflictEvent.Id), edit.Message.Entries.Select(entry => entry.Event.Id));
        Assert.Equal([AlertKind.New, AlertKind.Updated, AlertKind.New], edit.Message.Entries.Select(entry => entry.Kind));
        Assert.Equal([1, 2, 1], edit.Message.Entries.Select(entry => entry.Event.Revision.Number));
    }

    [Fact]
    public async Task A_retracted_event_in_a_grouped_message_stays_retracted_when_another_event_of_the_group_is_updated()
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        await pipeline.SubscribeAsync(builder => builder.WithGroupWindow(TimeSpan.FromMinutes(5)));
        var events = await pipeline.ImportAsync(new EventBuilder().Build(), new EventBuilder().Build());
        await pipeline.RunAsync();
        pipeline.Advance(TimeSpan.FromMinutes(5));
        await pipeline.RunAsync();
        await pipeline.RetractAsync(events[0], "Duplicate of an earlier report.");
        await pipeline.RunAsync();

        // Act
        await pipeline.AddSourceAsync(events[1]);
        await pipeline.RunAsync();

        // Assert
        Assert.Equal(2, pipeline.Sender.Edits.Count);
        var latest = pipeline.Sender.Edits[^1].Message.Entries;
        Assert.Equal([AlertKind.Retracted, AlertKind.Updated], latest.Select(entry => entry.Kind));
        Assert.Equal("Duplicate of an earlier report.", latest[0].Event.StatusReason);
    }

    [Fact]
    public async Task A_revision_that_arrives_while_its_alert_waits_for_the_group_window_still_reaches_the_channel()
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        await pipeline.SubscribeAsync(builder => builder.WithGroupWindow(TimeSpan.FromMinutes(5)));
        var clash = await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.RunAsync();
        pipeline.Advance(TimeSpan.FromMinutes(1));

        // Act
        await pipeline.AddSourceAsync(clash, "Myanmar Now");
        await pipeline.RunAsync();
        pipeline.Advance(TimeSpan.FromMinutes(4));
        await pipeline.RunAsync();

        // Assert: what the channel shows last is revision 2.
        var message = Assert.Single(pipeline.Sender.Messages);
        var shown = pipeline.Sender.Deliveries.Where(delivery => delivery.MessageRef == message.MessageRef).Last();
        Assert.Equal(2, Assert.Single(shown.Message.Entries).Event.Revision.Number);
        Assert.Equal(new OutboxCounts(0, 2, 0), await pipeline.Outbox.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_event_revised_before_the_watcher_read_it_is_alerted_once_and_then_updated()
    {
        // Arrange: both revisions are in the change feed before the watcher runs (the bot was down during two imports).
        using var pipeline = await DeliveryPipeline.StartAsync();
        await pipeline.SubscribeAsync();
        var clash = await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.AddSourceAsync(clash);

        // Act
        await pipeline.RunAsync();

        // Assert
        var message = Assert.Single(pipeline.Sender.Messages);
        Assert.Single(message.Message.Entries);
        var edit = Assert.Single(pipeline.Sender.Edits);
        Assert.Equal(message.MessageRef, edit.MessageRef);
        Assert.Equal(2, Assert.Single(edit.Message.Entries).Event.Revision.Number);
    }

    [Fact]
    public async Task An_event_retracted_before_its_alert_went_out_is_not_sent()
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        var subscription = await pipeline.SubscribeAsync(builder => builder.WithGroupWindow(TimeSpan.FromMinutes(5)));
        var clash = await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.RunAsync();

        // Act
        await pipeline.RetractAsync(clash, "Not corroborated.");
        await pipeline.RunAsync();
        pipeline.Advance(TimeSpan.FromMinutes(5));
        await pipeline.RunAsync();

        // Assert
        Assert.Empty(pipeline.Sender.RawCalls);
        Assert.Contains(await pipeline.LogAsync(subscription, clash), logged => logged.Detail == "withdrawn before it was sent");
    }
}
