using BorderAlertBot.Answers;
using BorderAlertBot.Tests.Delivery;

namespace BorderAlertBot.Tests.Commands;

/// <summary>Admin subcommands ask the platform's permissions port first; everyone may read.</summary>
public sealed class ChannelPermissionTests
{
    [Theory]
    [InlineData("subscribe kinds:clash")]
    [InlineData("unsubscribe all")]
    [InlineData("digest 07:30 Asia/Yangon")]
    [InlineData("mute 8h")]
    [InlineData("unmute")]
    public async Task An_admin_subcommand_from_a_member_without_rights_is_refused_privately_and_changes_nothing(string text)
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        var commands = new ChannelCommands(pipeline);
        await commands.AskAsync("subscribe kinds:ceasefire", ChannelCommands.Admin());
        var before = Assert.Single(await commands.OfAsync(ChannelCommands.NewsDesk));

        // Act
        var answer = await commands.AskAsync(text, ChannelCommands.Member());

        // Assert
        Assert.True(answer.IsProblem);
        Assert.True(answer.IsPrivate);
        var word = text.Split(' ')[0];
        Assert.Contains($"{word}: only channel admins can change this channel's alerts, and that needs the Manage Channels permission",
            AnswerTextRenderer.Render(answer), StringComparison.Ordinal);
        Assert.Equal(Document(before), Document(Assert.Single(await commands.OfAsync(ChannelCommands.NewsDesk))));
    }

    private static string Document(Subscriptions.Subscription subscription) =>
        System.Text.Json.JsonSerializer.Serialize(subscription, Serialization.SubscriptionJsonContext.Default.Subscription);

    [Theory]
    [InlineData("subscriptions")]
    [InlineData("why evt_nothing_here")]
    [InlineData("latest")]
    [InlineData("help")]
    public async Task A_member_without_rights_may_run_the_subcommands_that_only_read(string text)
    {
        using var pipeline = await DeliveryPipeline.StartAsync();

        var answer = await new ChannelCommands(pipeline).AskAsync(text, ChannelCommands.Member());

        Assert.DoesNotContain("only channel admins", AnswerTextRenderer.Render(answer), StringComparison.Ordinal);
    }
}
