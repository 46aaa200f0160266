using BorderAlertBot.Abstractions;
using BorderAlertBot.Alerting;
using BorderAlertBot.Delivery;
using BorderAlertBot.Domain;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Testing.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlertBot.Tests.Delivery;

public sealed class AlertMatchingTests
{
    [Fact]
    public async Task A_verified_event_matching_a_subscription_goes_out_as_exactly_one_message()
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        var subscription = await pipeline.SubscribeAsync();
        var clash = await pipeline.ImportAsync(new EventBuilder().Build());

        // Act
        await pipeline.RunAsync();
        await pipeline.RunAsync();

        // Assert
        var message = Assert.Single(pipeline.Sender.Deliveries);
        Assert.Equal(subscription.Target, message.Target);
        var entry = Assert.Single(message.Message.Entries);
        Assert.Equal(clash.Id, entry.Event.Id);
        Assert.Equal(AlertKind.New, entry.Kind);
        Assert.Single(pipeline.Sender.RawCalls);
        Assert.Contains(await pipeline.LogAsync(subscription, clash), logged => logged.Decision == DeliveryDecision.Sent && logged.Detail.Contains(message.MessageRef, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pending_event_is_not_sent_to_a_verified_only_subscription_and_explain_says_why()
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        var subscription = await pipeline.SubscribeAsync();
        var claim = await pipeline.ImportAsync(new EventBuilder().WithStatus(EventStatus.Pending).Build());

        // Act
        await pipeline.RunAsync();

        // Assert
        Assert.Empty(pipeline.Sender.RawCalls);
        var explanation = await pipeline.ExplainAsync(subscription, claim);
        Assert.Equal("verified-only: the event is Pending", explanation.Exclusion);
    }

    [Fact]
    public async Task A_pending_event_is_sent_when_verified_only_is_off()
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        await pipeline.SubscribeAsync(builder => builder.VerifiedOnly(false));
        var claim = await pipeline.ImportAsync(new EventBuilder().WithStatus(EventStatus.Pending).Build());

        // Act
        await pipeline.RunAsync();

        // Assert
        var message = Assert.Single(pipeline.Sender.Messages);
        Assert.Equal(claim.Id, Assert.Single(message.Message.Entries).Event.Id);
    }

    [Fact]
    public async Task A_pending_event_that_is_verified_later_is_sent_once_when_it_is_verified()
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        await pipeline.SubscribeAsync();
        var claim = await pipeline.ImportAsync(new EventBuilder().WithStatus(EventStatus.Pending).Build());
        await pipeline.RunAsync();

        // Act
        var verified = await pipeline.ImportAsync(claim with { Status = EventStatus.Verified });
        await pipeline.RunAsync();

        // Assert
        var message = Assert.Single(pipeline.Sender.Deliveries);
        var entry = Assert.Single(message.Message.Entries);
        Assert.Equal(2, entry.Event.Revision.Number);
        Assert.Equal(EventStatus.Verified, entry.Event.Status);
        Assert.Equal(verified.Id, entry.Event.Id);
    }

    [Theory]
    [InlineData("min-severity", "min-severity: Moderate (2) is below High (4)")]
    [InlineData("subtype", "subtype: ArmedClash is not one of AirStrike, Shelling")]
    [InlineData("region", "region: Laukkai, Laukkaing, Shan-North, MM is outside chinshwehaw")]
    [InlineData("keywords", "keywords: none of airport appears in the title, summary or place")]
    public async Task An_event_a_filter_excludes_is_not_sent_and_explain_names_the_filter_in_words(string filter, string expected)
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        var subscription = await pipeline.SubscribeAsync(builder => filter switch
        {
            "min-severity" => builder.WithMinSeverity(Severity.High),
            "subtype" => builder.WithSubtypes(EventSubtype.AirStrike, EventSubtype.Shelling),

            // Chinshwehaw is ~25 km from Laukkai: the place index looks there, the 10 km radius then excludes it.
            "region" => builder.WithRegions("chinshwehaw"),
            _ => builder.WithKeywords("airport"),
        });
        await pipeline.SubscribeAsync(builder => builder.To(DeliveryTarget.Console("wide")).WithRegions("chinshwehaw~40km"));
        var clash = await pipeline.ImportAsync(new EventBuilder().Build());

        // Act
        await pipeline.RunAsync();

        // Assert
        Assert.DoesNotContain(pipeline.Sender.RawCalls, call => call.Target == subscription.Target);
        var explanation = await pipeline.ExplainAsync(subscription, clash);
        Assert.Equal(expected, explanation.Exclusion);

        // The index reaches only subscriptions that can match but for their keywords or actors: those are logged as the
        // watcher decided; the rest, never reached, are judged on demand.
        var logged = await pipeline.LogAsync(subscription, clash);
        if (filter == "keywords")
        {
            Assert.Equal(DeliveryDecision.Excluded, Assert.Single(logged).Decision);
            Assert.False(explanation.JudgedNow);
        }
        else
        {
            Assert.Empty(logged);
            Assert.True(explanation.JudgedNow);
        }
    }

    [Theory]
    [InlineData(EventKind.TradeDisruption, null)]
    [InlineData(null, "MM")]
    public async Task An_event_of_another_kind_or_country_produces_nothing(EventKind? kind, string? region)
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        await pipeline.SubscribeAsync(builder => kind is { } wanted ? builder.WithKinds(wanted) : builder.WithRegions(region!));
        await pipeline.ImportAsync(new EventBuilder().At(new Location("CN", "Yunnan", null, null, "Nansan", null, LocationPrecision.Township)).OnBorder(null).Build());

        // Act
        await pipeline.RunAsync();

        // Assert
        Assert.Empty(pipeline.Sender.RawCalls);
        Assert.Equal(new OutboxCounts(0, 0, 0), await pipeline.Outbox.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Replaying_the_change_feed_adds_no_outbox_row_and_sends_nothing_twice()
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        await pipeline.SubscribeAsync();
        var clash = await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.RunAsync();
        await pipeline.AddSourceAsync(clash);
        await pipeline.RunAsync();
        var countsBefore = await pipeline.Outbox.CountAsync(CancellationToken.None);
        var callsBefore = pipeline.Sender.RawCalls.Count;

        // Act
        await pipeline.Services.GetRequiredService<ICursorStore>().SetAsync(AlertWatcher.CursorName, 0, CancellationToken.None);
        await pipeline.RunAsync();

        // Assert
        Assert.Equal(new OutboxCounts(0, 2, 0), countsBefore);
        Assert.Equal(countsBefore, await pipeline.Outbox.CountAsync(CancellationToken.None));
        Assert.Equal(callsBefore, pipeline.Sender.RawCalls.Count);
        Assert.Single(pipeline.Sender.Messages);
        Assert.Single(pipeline.Sender.Edits);
    }

    [Fact]
    public async Task A_second_watcher_reading_the_same_changes_adds_no_outbox_row()
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        await pipeline.SubscribeAsync();
        await pipeline.ImportAsync(new EventBuilder().Build(), new EventBuilder().Build());
        await pipeline.WatchAsync();
        var countsBefore = await pipeline.Outbox.CountAsync(CancellationToken.None);

        // Act: a second process whose watcher read the cursor before the first one moved it.
        using var other = await pipeline.StartAnotherProcessAsync();
        await other.Services.GetRequiredService<ICursorStore>().SetAsync(AlertWatcher.CursorName, 0, CancellationToken.None);
        await other.WatchAsync();
        await pipeline.DispatchAsync();
        await other.DispatchAsync();

        // Assert
        Assert.Equal(new OutboxCounts(2, 0, 0), countsBefore);
        Assert.Equal(new OutboxCounts(0, 2, 0), await pipeline.Outbox.CountAsync(CancellationToken.None));
        var message = Assert.Single(pipeline.Sender.RawCalls);
        Assert.Equal("delivered", message.Outcome);
    }
}
