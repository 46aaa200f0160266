namespace BorderAlertBot.Discord.Registration;

/// <summary>Which bulk overwrite the commands are for (platforms/discord.md §2).</summary>
public enum RegistrationScope
{
    /// <summary><c>PUT /applications/{app}/commands</c>: every server the app is installed in.</summary>
    Global,

    /// <summary>
    /// <c>PUT /applications/{app}/guilds/{guild}/commands</c>: one server, updated at once (for testing). <c>contexts</c>
    /// and <c>integration_types</c> are for global commands only, so they are left out.
    /// </summary>
    Guild,
}
