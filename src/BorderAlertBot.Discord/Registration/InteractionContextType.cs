namespace BorderAlertBot.Discord.Registration;

/// <summary>Where a global command may be used (<c>contexts</c>, platforms/discord.md §2), sent as its number.</summary>
public enum InteractionContextType
{
    /// <summary>In a server's channels.</summary>
    Guild = 0,

    /// <summary>In the bot's direct messages.</summary>
    BotDm = 1,

    /// <summary>In group DMs and other users' DMs (user-installed apps).</summary>
    PrivateChannel = 2,
}
