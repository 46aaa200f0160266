using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using BorderAlertBot.Testing.Builders;
using BorderAlertBot.Tests.Delivery;

namespace BorderAlertBot.Tests.Commands;

/// <summary><c>/border subscribe</c>, <c>subscriptions</c> and <c>unsubscribe</c> in a channel, on a real store.</summary>
public sealed class SubscribeCommandTests
{
    [Fact]
    public async Task Subscribe_stores_the_channels_subscription_and_previews_what_it_would_have_sent_this_week()
    {
        // Arrange: the clock is 2024-03-01 09:00 UTC.
        using var pipeline = await DeliveryPipeline.StartAsync();
        var commands = new ChannelCommands(pipeline);
        var recent = await pipeline.ImportAsync(new EventBuilder().WithTitle("Clash at Laukkai on Tuesday").OccurredOn(2024, 2, 27).Build());
        var older = await pipeline.ImportAsync(new EventBuilder().WithTitle("Clash at Laukkai three weeks ago").OccurredOn(2024, 2, 9).Build());
        var trade = await pipeline.ImportAsync(new EventBuilder().WithSubtype(EventSubtype.CrossingClosed).WithTitle("Gate closed on Wednesday").OccurredOn(2024, 2, 28).Build());

        // Act
        var answer = await commands.AskAsync("subscribe kinds:clash regions:CN-MM", ChannelCommands.Admin());

        // Assert
        var stored = Assert.Single(await commands.OfAsync(ChannelCommands.NewsDesk));
        Assert.Equal([EventKind.BorderClash], stored.Filter.Kinds);
        Assert.Equal([new Region.Border(BorderPair.Parse("CN-MM"))], stored.Filter.Regions);
        Assert.Equal("Aung (desk editor)", stored.CreatedBy);
        Assert.False(answer.IsPrivate);
        Assert.Equal($"Subscribed this channel: {stored.Id}", answer.Title);
        var text = Answers.AnswerTextRenderer.Render(answer);
        Assert.Contains("Filters: BorderClash · in CN-MM · verified only", text, StringComparison.Ordinal);
        Assert.Contains("Preview: in the last 7 days this would have sent 1 alert:", text, StringComparison.Ordinal);
        Assert.Contains(recent.Id.Value, text, StringComparison.Ordinal);
        Assert.DoesNotContain(older.Id.Value, text, StringComparison.Ordinal);
        Assert.DoesNotContain(trade.Id.Value, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_subscription_made_by_command_delivers_the_next_matching_event_to_its_channel()
    {
        using var pipeline = await DeliveryPipeline.StartAsync();
        var commands = new ChannelCommands(pipeline);
        await commands.AskAsync("subscribe clash CN-MM");

        var clash = await pipeline.ImportAsync(new EventBuilder().OccurredOn(2024, 3, 1).Build());
        await pipeline.ImportAsync(new EventBuilder().WithSubtype(EventSubtype.TalksHeld).OccurredOn(2024, 3, 1).Build());
        await pipeline.RunAsync();

        var message = Assert.Single(pipeline.Sender.Messages);
        Assert.Equal(ChannelCommands.NewsDesk, message.Target);
        Assert.Equal(clash.Id, Assert.Single(message.Message.Entries).Event.Id);
    }

    [Fact]
    public async Task A_preview_with_nothing_to_show_says_alerts_come_when_something_matches()
    {
        using var pipeline = await DeliveryPipeline.StartAsync();
        var commands = new ChannelCommands(pipeline);

        var text = await commands.AskTextAsync("subscribe kinds:ceasefire");

        Assert.Contains("Preview: nothing in the last 7 days would have matched; alerts come when something does.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribing_twice_with_the_same_filters_is_refused_and_names_the_existing_subscription()
    {
        using var pipeline = await DeliveryPipeline.StartAsync();
        var commands = new ChannelCommands(pipeline);
        await commands.AskAsync("subscribe kinds:clash regions:CN-MM");
        var first = Assert.Single(await commands.OfAsync(ChannelCommands.NewsDesk));

        var again = await commands.AskAsync("subscribe clash cn-mm");

        Assert.True(again.IsProblem);
        Assert.True(again.IsPrivate);
        Assert.Contains($"already has that subscription, {first.Id}", Answers.AnswerTextRenderer.Render(again), StringComparison.Ordinal);
        Assert.Single(await commands.OfAsync(ChannelCommands.NewsDesk));
    }

    [Fact]
    public async Task A_channel_may_have_at_most_25_subscriptions()
    {
        using var pipeline = await DeliveryPipeline.StartAsync();
        var commands = new ChannelCommands(pipeline);
        for (var i = 0; i < Answers.ChannelCommandAnswerer.MaxSubscriptionsPerChannel; i++)
        {
            Assert.False((await commands.AskAsync($"subscribe keywords:word{i}")).IsProblem);
        }

        var one = await commands.AskAsync("subscribe keywords:onemore");

        Assert.True(one.IsProblem);
        Assert.Contains("has 25 subscriptions, the most it may have", Answers.AnswerTextRenderer.Render(one), StringComparison.Ordinal);
        Assert.Equal(25, (await commands.OfAsync(ChannelCommands.NewsDesk)).Count);
    }

    [Fact]
    public async Task Subscriptions_lists_only_this_channels_subscriptions_and_says_why_one_is_paused()
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        var commands = new ChannelCommands(pipeline);
        await commands.AskAsync("subscribe kinds:clash");
        await commands.AskAsync("subscribe kinds:trade", ChannelCommands.Admin(ChannelCommands.TradeDesk));
        var paused = await pipeline.SubscribeAsync(builder => builder.To(ChannelCommands.NewsDesk).WithKinds(EventKind.CeasefireCall)
            .PausedBecause("Missing Access (50001): the bot cannot see this channel"));

        // Act
        var answer = await commands.AskAsync("subscriptions", ChannelCommands.Member());

        // Assert
        Assert.True(answer.IsPrivate);
        Assert.Equal("Subscriptions in this channel (2)", answer.Title);
        var text = Answers.AnswerTextRenderer.Render(answer);
        Assert.Contains("BorderClash · everywhere · verified only · active", text, StringComparison.Ordinal);
        Assert.Contains($"{paused.Id}: CeasefireCall · everywhere · verified only · PAUSED since 2024-03-01 09:00 UTC: Missing Access (50001)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("TradeDisruption", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscriptions_in_a_channel_without_any_says_how_to_start()
    {
        using var pipeline = await DeliveryPipeline.StartAsync();

        var text = await new ChannelCommands(pipeline).AskTextAsync("subscriptions", ChannelCommands.Member());

        Assert.Contains("This channel has no subscriptions, so it gets no alerts. A channel admin can start with /border subscribe", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsubscribe_removes_one_subscription_of_this_channel_and_leaves_the_others()
    {
        using var pipeline = await DeliveryPipeline.StartAsync();
        var commands = new ChannelCommands(pipeline);
        await commands.AskAsync("subscribe kinds:clash");
        await commands.AskAsync("subscribe kinds:trade");
        var (clash, trade) = (await commands.OfAsync(ChannelCommands.NewsDesk)) is [var a, var b] ? (a, b) : throw new InvalidOperationException();

        var answer = await commands.AskTextAsync($"unsubscribe {clash.Id}");

        Assert.StartsWith("Unsubscribed", answer, StringComparison.Ordinal);
        Assert.Equal([trade.Id], (await commands.OfAsync(ChannelCommands.NewsDesk)).Select(subscription => subscription.Id));
    }

    [Fact]
    public async Task Unsubscribe_cannot_remove_another_channels_subscription()
    {
        using var pipeline = await DeliveryPipeline.StartAsync();
        var commands = new ChannelCommands(pipeline);
        await commands.AskAsync("subscribe kinds:trade", ChannelCommands.Admin(ChannelCommands.TradeDesk));
        var theirs = Assert.Single(await commands.OfAsync(ChannelCommands.TradeDesk));

        var answer = await commands.AskAsync($"unsubscribe {theirs.Id}");

        Assert.True(answer.IsProblem);
        Assert.Contains($"this channel has no subscription {theirs.Id}", Answers.AnswerTextRenderer.Render(answer), StringComparison.Ordinal);
        Assert.Single(await commands.OfAsync(ChannelCommands.TradeDesk));
    }

    [Fact]
    public async Task Unsubscribe_all_removes_every_subscription_of_this_channel_only()
    {
        using var pipeline = await DeliveryPipeline.StartAsync();
        var commands = new ChannelCommands(pipeline);
        await commands.AskAsync("subscribe kinds:clash");
        await commands.AskAsync("subscribe kinds:ceasefire");
        await commands.AskAsync("subscribe kinds:trade", ChannelCommands.Admin(ChannelCommands.TradeDesk));

        var answer = await commands.AskAsync("unsubscribe all");

        Assert.Equal("Unsubscribed (2)", answer.Title);
        Assert.Empty(await commands.OfAsync(ChannelCommands.NewsDesk));
        Assert.Single(await commands.OfAsync(ChannelCommands.TradeDesk));
    }
}
