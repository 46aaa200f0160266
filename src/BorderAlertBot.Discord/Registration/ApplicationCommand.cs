using System.Text.Json.Serialization;

namespace BorderAlertBot.Discord.Registration;

/// <summary>
/// One application command as the bulk overwrite sends it (platforms/discord.md §2). Serialise it with
/// <see cref="ApplicationCommandJsonContext"/>, which writes snake_case names and enums as numbers.
/// </summary>
public sealed record ApplicationCommand
{
    /// <summary>1-32 characters matching Discord's name pattern, lowercase.</summary>
    public required string Name { get; init; }

    public ApplicationCommandType Type { get; init; } = ApplicationCommandType.ChatInput;

    /// <summary>1-100 characters for a CHAT_INPUT command.</summary>
    public required string Description { get; init; }

    /// <summary>At most 25.</summary>
    public required IReadOnlyList<ApplicationCommandOption> Options { get; init; }

    /// <summary>
    /// The permission bits a member needs, as a decimal string; null lets everyone run it. Always written, even as null,
    /// so an overwrite also clears bits an earlier registration set.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? DefaultMemberPermissions { get; init; }

    /// <summary>Where a global command may be used (null: everywhere). Global commands only.</summary>
    public IReadOnlyList<InteractionContextType>? Contexts { get; init; }

    /// <summary>Which installs make a global command available. Global commands only.</summary>
    public IReadOnlyList<ApplicationIntegrationType>? IntegrationTypes { get; init; }
}
