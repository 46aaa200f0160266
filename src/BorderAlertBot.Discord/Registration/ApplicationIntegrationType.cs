namespace BorderAlertBot.Discord.Registration;

/// <summary>How a global command must be installed to be available (<c>integration_types</c>, platforms/discord.md §2).</summary>
public enum ApplicationIntegrationType
{
    /// <summary>Installed to a server.</summary>
    GuildInstall = 0,

    /// <summary>Installed to a user.</summary>
    UserInstall = 1,
}
