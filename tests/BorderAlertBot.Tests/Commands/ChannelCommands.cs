using BorderAlertBot.Answers;
using BorderAlertBot.Commands;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Tests.Delivery;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlertBot.Tests.Commands;

/// <summary>
/// Sends <c>/border</c> text from a channel of a <see cref="DeliveryPipeline"/>, as a platform adapter would. The channels are
/// console targets, so the pipeline's recording sender delivers their alerts.
/// </summary>
public sealed class ChannelCommands(DeliveryPipeline pipeline)
{
    public static readonly DeliveryTarget NewsDesk = DeliveryTarget.Console("newsdesk");
    public static readonly DeliveryTarget TradeDesk = DeliveryTarget.Console("tradedesk");

    /// <summary>A channel admin of <see cref="NewsDesk"/>.</summary>
    public static CommandCaller Admin(DeliveryTarget? channel = null) =>
        new(channel ?? NewsDesk, "u-admin", "Aung (desk editor)", new ChannelPermissions(true, "the Manage Channels permission"));

    /// <summary>A member of <see cref="NewsDesk"/> without manage-channel rights.</summary>
    public static CommandCaller Member(DeliveryTarget? channel = null) =>
        new(channel ?? NewsDesk, "u-member", "Mya (reporter)", new ChannelPermissions(false, "the Manage Channels permission"));

    public async Task<Answer> AskAsync(string text, CommandCaller? caller = null)
    {
        var parsed = pipeline.Services.GetRequiredService<CommandParser>().Parse(text);
        var command = Assert.IsType<CommandParseResult.Parsed>(parsed).Command;
        return await pipeline.Services.GetRequiredService<CommandAnswerer>().AnswerAsync(command, caller ?? Admin(), CancellationToken.None);
    }

    /// <summary>What the reply reads like in text.</summary>
    public async Task<string> AskTextAsync(string text, CommandCaller? caller = null) => AnswerTextRenderer.Render(await AskAsync(text, caller));

    public Task<IReadOnlyList<Subscription>> OfAsync(DeliveryTarget channel) => pipeline.Subscriptions.ListForTargetAsync(channel, CancellationToken.None);
}
