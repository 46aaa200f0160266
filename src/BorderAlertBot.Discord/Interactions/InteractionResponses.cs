using BorderAlertBot.Discord.Wire;

namespace BorderAlertBot.Discord.Interactions;

/// <summary>An interaction response (platforms/discord.md §1.3): 1 PONG, 4 a message, 5 deferred, 8 autocomplete choices.</summary>
public sealed record MessageInteractionResponse(int Type, MessagePayload? Data = null)
{
    public const int Pong = 1;
    public const int ChannelMessage = 4;
    public const int Deferred = 5;
}

public sealed record AutocompleteInteractionResponse(AutocompleteChoices Data, int Type = 8);

/// <summary>At most 25; each name 1–100 characters, each value at most 100.</summary>
public sealed record AutocompleteChoices(IReadOnlyList<AutocompleteChoice> Choices);

public sealed record AutocompleteChoice(string Name, string Value);
