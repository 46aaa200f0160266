using BorderAlertBot.Abstractions;
using BorderAlertBot.Slack.Admins;

namespace BorderAlertBot.Slack.Inbound;

/// <summary>
/// The rights of whoever typed a command or pressed a button (ARCHITECTURE.md §7): Slack has no per-channel "manage"
/// right to read from the request, so the admin subcommands go to the configured admin ids, or to the workspace's
/// admins and owners (<see cref="SlackAdmins"/>), asked only when an admin subcommand needs it.
/// </summary>
public sealed class SlackCallerPermissions(SlackAdmins admins)
{
    public IChannelPermissions For(string teamId, string userId) => new Caller(admins, teamId, userId);

    private sealed class Caller(SlackAdmins admins, string teamId, string userId) : IChannelPermissions
    {
        public string Requirement => admins.Requirement;

        public Task<bool> CanManageChannelAsync(CancellationToken cancellationToken) => admins.IsAdminAsync(teamId, userId, cancellationToken);
    }
}
