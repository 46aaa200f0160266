namespace BorderAlertBot.Discord.Registration;

/// <summary>
/// A subcommand, or an option of one, in an application command (platforms/discord.md §2). Unset (null) fields are left
/// out of the JSON, which Discord reads as its defaults (not required, no autocomplete).
/// </summary>
public sealed record ApplicationCommandOption
{
    public required ApplicationCommandOptionType Type { get; init; }

    /// <summary>1-32 characters, lowercase, unique among its siblings.</summary>
    public required string Name { get; init; }

    /// <summary>1-100 characters.</summary>
    public required string Description { get; init; }

    /// <summary>True to require it; required options come before optional ones. Never set on a subcommand.</summary>
    public bool? Required { get; init; }

    /// <summary>True when the values are suggested as the user types (INTEGER, NUMBER or STRING, and no choices).</summary>
    public bool? Autocomplete { get; init; }

    /// <summary>The smallest value an INTEGER or NUMBER option takes.</summary>
    public double? MinValue { get; init; }

    /// <summary>The largest value an INTEGER or NUMBER option takes.</summary>
    public double? MaxValue { get; init; }

    /// <summary>At most 25 fixed values; the user may pick only these.</summary>
    public IReadOnlyList<ApplicationCommandOptionChoice>? Choices { get; init; }

    /// <summary>A subcommand's options, or a group's subcommands (at most 25).</summary>
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }
}
