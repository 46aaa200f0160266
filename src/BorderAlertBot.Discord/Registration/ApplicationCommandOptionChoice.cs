namespace BorderAlertBot.Discord.Registration;

/// <summary>
/// One fixed value of a STRING option (platforms/discord.md §2): a name of 1-100 characters and a value of at most 100.
/// Not allowed on an option with autocomplete. We register none today; it is here so the rules can be checked.
/// </summary>
public sealed record ApplicationCommandOptionChoice(string Name, string Value);
