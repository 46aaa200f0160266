using BorderAlertBot.Abstractions;

namespace BorderAlertBot.Commands;

/// <summary>Permissions that do not depend on the platform: the operator's (always granted) and a fixed answer.</summary>
public sealed class ChannelPermissions(bool granted, string requirement) : IChannelPermissions
{
    /// <summary>The operator at the command line runs the bot, so may change any channel it knows.</summary>
    public static ChannelPermissions Granted { get; } = new(true, "operator rights");

    public string Requirement { get; } = requirement;

    public Task<bool> CanManageChannelAsync(CancellationToken cancellationToken) => Task.FromResult(granted);
}
