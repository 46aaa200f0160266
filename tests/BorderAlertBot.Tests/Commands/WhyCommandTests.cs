using BorderAlertBot.Domain;
using BorderAlertBot.Testing.Builders;
using BorderAlertBot.Tests.Delivery;

namespace BorderAlertBot.Tests.Commands;

/// <summary><c>/border why &lt;event&gt;</c> reads this channel's delivery log.</summary>
public sealed class WhyCommandTests
{
    [Fact]
    public async Task Why_says_an_alert_was_sent_and_which_message_carried_it()
    {
        using var pipeline = await DeliveryPipeline.StartAsync();
        var commands = new ChannelCommands(pipeline);
        await commands.AskAsync("subscribe kinds:clash");
        var clash = await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.RunAsync();
        var sent = Assert.Single(pipeline.Sender.Messages);

        var answer = await commands.AskAsync($"why {clash.Id}", ChannelCommands.Member());

        Assert.True(answer.IsPrivate);
        Assert.Equal($"Why: {clash.Title}", answer.Title);
        var text = Answers.AnswerTextRenderer.Render(answer);
        Assert.Contains("(BorderClash · everywhere · verified only): sent", text, StringComparison.Ordinal);
        Assert.Contains($"sent: sent as {sent.MessageRef}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_names_the_filter_that_kept_an_event_from_this_channel()
    {
        using var pipeline = await DeliveryPipeline.StartAsync();
        var commands = new ChannelCommands(pipeline);
        await commands.AskAsync("subscribe kinds:clash min-severity:high");
        var clash = await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.RunAsync();

        var text = await commands.AskTextAsync($"why {clash.Id}");

        Assert.Equal(Severity.Moderate, clash.Severity.Effective);
        Assert.Contains("not sent: it does not match", text, StringComparison.Ordinal);
        Assert.Contains("min-severity: Moderate (2) is below High (4)", text, StringComparison.Ordinal);
        Assert.Empty(pipeline.Sender.Messages);
    }

    [Fact]
    public async Task Why_says_an_alert_is_held_while_the_channel_is_muted()
    {
        using var pipeline = await DeliveryPipeline.StartAsync();
        var commands = new ChannelCommands(pipeline);
        await commands.AskAsync("subscribe kinds:clash");
        await commands.AskAsync("mute 8h");
        var clash = await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.RunAsync();

        var text = await commands.AskTextAsync($"why {clash.Id}");

        Assert.Contains("held: muted until 2024-03-01 17:00 UTC", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_in_a_channel_without_subscriptions_says_it_gets_no_alerts()
    {
        using var pipeline = await DeliveryPipeline.StartAsync();
        var clash = await pipeline.ImportAsync(new EventBuilder().Build());

        var text = await new ChannelCommands(pipeline).AskTextAsync($"why {clash.Id}");

        Assert.Contains("This channel has no subscriptions, so it gets no alerts.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_about_an_unknown_event_is_a_private_problem_that_points_to_search()
    {
        using var pipeline = await DeliveryPipeline.StartAsync();

        var answer = await new ChannelCommands(pipeline).AskAsync("why evt_no_such_event");

        Assert.True(answer.IsProblem);
        Assert.Contains("why: no event evt_no_such_event; /border search finds events by words", Answers.AnswerTextRenderer.Render(answer), StringComparison.Ordinal);
    }
}
