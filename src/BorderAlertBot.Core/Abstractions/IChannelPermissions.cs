namespace BorderAlertBot.Abstractions;

/// <summary>
/// Whether the person who sent a command may change the channel's settings (ARCHITECTURE.md §7): the admin subcommands
/// (<c>subscribe</c>, <c>unsubscribe</c>, <c>digest</c>, <c>mute</c>, <c>unmute</c>) ask this first. Each platform fills it:
/// Discord from Manage Channels in <c>member.permissions</c>, Slack from the configured admin ids or the workspace's admins.
/// </summary>
public interface IChannelPermissions
{
    /// <summary>What the platform asks of an admin, for a refusal: "the Manage Channels permission".</summary>
    string Requirement { get; }

    Task<bool> CanManageChannelAsync(CancellationToken cancellationToken);
}
