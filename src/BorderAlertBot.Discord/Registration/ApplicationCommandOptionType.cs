namespace BorderAlertBot.Discord.Registration;

/// <summary>An option's <c>type</c>, sent as its number (platforms/discord.md §2, option type table).</summary>
public enum ApplicationCommandOptionType
{
    SubCommand = 1,
    SubCommandGroup = 2,

#pragma warning disable CA1720 // String and Integer are Discord's names for these types.
    String = 3,

    /// <summary>A whole number from -2^53+1 to 2^53-1.</summary>
    Integer = 4,
#pragma warning restore CA1720
    Boolean = 5,
    User = 6,
    Channel = 7,
    Role = 8,
    Mentionable = 9,

    /// <summary>A double.</summary>
    Number = 10,
    Attachment = 11,
}
