using BorderAlertBot.Abstractions;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Commands;

/// <summary>
/// Who sent a command and from where: the channel is the target its subscriptions deliver to, so <c>subscribe</c> in a
/// channel subscribes that channel and <c>why</c> reads that channel's delivery log.
/// </summary>
/// <param name="UserName">Recorded as who made a change ("subscribed by …").</param>
public sealed record CommandCaller(DeliveryTarget Channel, string UserId, string UserName, IChannelPermissions Permissions)
{
    /// <summary>The operator at the command line or the console: the console channel, with every right.</summary>
    public static CommandCaller Operator(DeliveryTarget channel) => new(channel, "operator", "operator", ChannelPermissions.Granted);
}
