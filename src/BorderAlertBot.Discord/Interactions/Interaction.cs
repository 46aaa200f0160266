using System.Text.Json;

namespace BorderAlertBot.Discord.Interactions;

/// <summary>An incoming interaction, the fields the bot reads (platforms/discord.md §1.2, §1.5).</summary>
public sealed record Interaction
{
    public string Id { get; init; } = string.Empty;

    public string ApplicationId { get; init; } = string.Empty;

    /// <summary>1 PING, 2 APPLICATION_COMMAND, 3 MESSAGE_COMPONENT, 4 APPLICATION_COMMAND_AUTOCOMPLETE, 5 MODAL_SUBMIT.</summary>
    public int Type { get; init; }

    public InteractionData? Data { get; init; }

    public string? GuildId { get; init; }

    public string? ChannelId { get; init; }

    /// <summary>Present in a guild: the member, and their permissions in this channel (overwrites included), a decimal string.</summary>
    public InteractionMember? Member { get; init; }

    /// <summary>Present in DMs only.</summary>
    public InteractionUser? User { get; init; }

    public string Token { get; init; } = string.Empty;

    public InteractionUser? Invoker => Member?.User ?? User;
}

public sealed record InteractionData
{
    public string? Name { get; init; }

    public IReadOnlyList<InteractionOption>? Options { get; init; }

    /// <summary>A component's <c>custom_id</c> (a button of ours: <c>why:evt_…</c>, <c>mute:8h</c>).</summary>
    public string? CustomId { get; init; }
}

/// <summary>An option: a subcommand (type 1) with <see cref="Options"/>, or a leaf with a <see cref="Value"/>.</summary>
public sealed record InteractionOption
{
    public string Name { get; init; } = string.Empty;

    public int Type { get; init; }

    public JsonElement? Value { get; init; }

    public IReadOnlyList<InteractionOption>? Options { get; init; }

    /// <summary>The option being typed, in an autocomplete interaction.</summary>
    public bool Focused { get; init; }
}

public sealed record InteractionMember
{
    public InteractionUser? User { get; init; }

    public string? Permissions { get; init; }
}

public sealed record InteractionUser
{
    public string Id { get; init; } = string.Empty;

    public string? Username { get; init; }

    public string? GlobalName { get; init; }
}
