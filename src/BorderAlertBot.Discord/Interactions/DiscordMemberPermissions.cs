using System.Globalization;
using BorderAlertBot.Abstractions;

namespace BorderAlertBot.Discord.Interactions;

/// <summary>
/// A member's rights as the interaction states them: <c>member.permissions</c>, their total permissions in this channel
/// with overwrites applied (platforms/discord.md §1.5). Manage Channels (<c>1 &lt;&lt; 4</c>) or Administrator
/// (<c>1 &lt;&lt; 3</c>) may change the channel's alerts. Checked on our side for every admin subcommand: Discord's own
/// command permissions are per command, not per subcommand.
/// </summary>
public sealed class DiscordMemberPermissions(string? permissions) : IChannelPermissions
{
    public const ulong Administrator = 1UL << 3;
    public const ulong ManageChannels = 1UL << 4;

    public string Requirement => "the Manage Channels permission";

    public Task<bool> CanManageChannelAsync(CancellationToken cancellationToken) =>
        Task.FromResult(ulong.TryParse(permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) && (bits & (ManageChannels | Administrator)) != 0);
}
