using BorderAlertBot.Digests;
using BorderAlertBot.Testing.Builders;
using BorderAlertBot.Tests.Delivery;

namespace BorderAlertBot.Tests.Commands;

/// <summary><c>/border mute</c>, <c>unmute</c> and <c>digest</c> change every subscription of the channel.</summary>
public sealed class MuteAndDigestCommandTests
{
    [Fact]
    public async Task Mute_holds_the_channels_alerts_and_unmute_sends_them_at_once_as_one_message()
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        var commands = new ChannelCommands(pipeline);
        await commands.AskAsync("subscribe kinds:clash");
        var mute = await commands.AskTextAsync("mute 8h");
        var first = await pipeline.ImportAsync(new EventBuilder().Build());
        var second = await pipeline.ImportAsync(new EventBuilder().Build());
        await pipeline.RunAsync();
        var whileMuted = pipeline.Sender.Messages.Count;

        // Act
        pipeline.Advance(TimeSpan.FromMinutes(10));
        var unmute = await commands.AskTextAsync("unmute");
        await pipeline.RunAsync();

        // Assert
        Assert.StartsWith("Muted for 8h", mute, StringComparison.Ordinal);
        Assert.Contains("Alerts wait until 2024-03-01 17:00 UTC and then come as one batch; Critical ones (5/5) still come at once.", mute, StringComparison.Ordinal);
        Assert.Equal(0, whileMuted);
        Assert.StartsWith("Unmuted", unmute, StringComparison.Ordinal);
        var message = Assert.Single(pipeline.Sender.Messages);
        Assert.Equal([first.Id, second.Id], message.Message.Entries.Select(entry => entry.Event.Id));
    }

    [Fact]
    public async Task Unmute_when_nothing_is_muted_says_so()
    {
        using var pipeline = await DeliveryPipeline.StartAsync();
        var commands = new ChannelCommands(pipeline);
        await commands.AskAsync("subscribe kinds:clash");

        var text = await commands.AskTextAsync("unmute");

        Assert.StartsWith("Not muted", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mute_in_a_channel_without_subscriptions_is_a_problem()
    {
        using var pipeline = await DeliveryPipeline.StartAsync();

        var answer = await new ChannelCommands(pipeline).AskAsync("mute 2h");

        Assert.True(answer.IsProblem);
    }

    [Fact]
    public async Task Digest_sets_a_daily_digest_on_every_subscription_of_the_channel_and_names_the_first_one()
    {
        // Arrange: 09:00 UTC is 15:30 in Yangon, so today's 07:30 has passed and the first digest is tomorrow's.
        using var pipeline = await DeliveryPipeline.StartAsync();
        var commands = new ChannelCommands(pipeline);
        await commands.AskAsync("subscribe kinds:clash");
        await commands.AskAsync("subscribe kinds:trade");

        // Act
        var answer = await commands.AskTextAsync("digest 07:30 Asia/Yangon quiet:nothing");

        // Assert
        Assert.StartsWith("Daily digest at 07:30 Asia/Yangon", answer, StringComparison.Ordinal);
        Assert.Contains("First: 2024-03-02 07:30 (+06:30), 2024-03-02 01:00 UTC", answer, StringComparison.Ordinal);
        Assert.Contains("Quiet days: a day without events sends nothing", answer, StringComparison.Ordinal);
        var own = await commands.OfAsync(ChannelCommands.NewsDesk);
        Assert.Equal(2, own.Count);
        Assert.All(own, subscription => Assert.Equal(
            new DigestSchedule(new TimeOnly(7, 30), "Asia/Yangon", DeliveryPipeline.Start, DigestWhenQuiet.Nothing), subscription.Digest));
    }

    [Fact]
    public async Task Digest_off_removes_the_channels_digest()
    {
        using var pipeline = await DeliveryPipeline.StartAsync();
        var commands = new ChannelCommands(pipeline);
        await commands.AskAsync("subscribe kinds:clash");
        await commands.AskAsync("digest 18:00");

        var answer = await commands.AskTextAsync("digest off");

        Assert.StartsWith("Daily digest off", answer, StringComparison.Ordinal);
        Assert.Null(Assert.Single(await commands.OfAsync(ChannelCommands.NewsDesk)).Digest);
    }

    [Fact]
    public async Task Digest_in_a_channel_without_subscriptions_says_to_subscribe_first()
    {
        using var pipeline = await DeliveryPipeline.StartAsync();

        var answer = await new ChannelCommands(pipeline).AskAsync("digest 07:30");

        Assert.True(answer.IsProblem);
        Assert.Contains("start with /border subscribe", Answers.AnswerTextRenderer.Render(answer), StringComparison.Ordinal);
    }
}
