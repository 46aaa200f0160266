namespace BorderAlertBot.Discord.Registration;

/// <summary>An application command's <c>type</c>, sent as its number (platforms/discord.md §2).</summary>
public enum ApplicationCommandType
{
    /// <summary>A slash command; the only type we register.</summary>
    ChatInput = 1,

    /// <summary>A user context-menu command.</summary>
    User = 2,

    /// <summary>A message context-menu command.</summary>
    Message = 3,
}
