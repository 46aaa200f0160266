using BorderAlertBot.Commands;

namespace BorderAlertBot.Discord.Registration;

/// <summary>
/// What Discord needs about a <c>/border</c> option beyond <see cref="CommandSyntax"/>: its type and bounds, autocomplete,
/// and whether it is required (platforms/discord.md §2). Keyed by the syntax's own names; <see cref="Drift"/> lists any
/// entry that names no option there, and <see cref="DiscordCommandSchema.Build"/> refuses to build while it lists one.
/// </summary>
internal static class DiscordOptionTraits
{
    /// <summary>The bounds of <c>limit</c>, as its description says: "1 to 25".</summary>
    public const int MinLimit = 1;

    public const int MaxLimit = 25;

    private const string Limit = "limit";

    // Options whose values we suggest as the user types, in every subcommand that has them.
    private static readonly string[] AutocompletedEverywhere = ["region", "regions", "kind", "kinds", "timezone"];

    // The event id of event and why is suggested; the subscription id of unsubscribe is not.
    private static readonly (string Subcommand, string Option)[] AutocompletedIn =
    [
        (SubcommandNames.Event, "id"),
        (SubcommandNames.Why, "id"),
    ];

    private static readonly (string Subcommand, string Option)[] RequiredIn =
    [
        (SubcommandNames.Event, "id"),
        (SubcommandNames.Why, "id"),
        (SubcommandNames.Search, "text"),
        (SubcommandNames.Unsubscribe, "id"),
        (SubcommandNames.Digest, "time"),
        (SubcommandNames.Mute, "duration"),
    ];

    /// <summary>The Discord option for one option of a subcommand: STRING, except <c>limit</c> (INTEGER 1-25).</summary>
    public static ApplicationCommandOption ToOption(SubcommandSyntax subcommand, OptionSyntax option)
    {
        var isLimit = option.Name == Limit;
        return new ApplicationCommandOption
        {
            Type = isLimit ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.String,
            Name = option.Name,
            Description = option.Description,
            Required = RequiredIn.Contains((subcommand.Name, option.Name)) ? true : null,
            Autocomplete = AutocompletedEverywhere.Contains(option.Name) || AutocompletedIn.Contains((subcommand.Name, option.Name)) ? true : null,
            MinValue = isLimit ? MinLimit : null,
            MaxValue = isLimit ? MaxLimit : null,
        };
    }

    /// <summary>Every entry of this table that names no option of <see cref="CommandSyntax"/> (none, unless one was renamed).</summary>
    public static IReadOnlyList<string> Drift()
    {
        var pairs = CommandSyntax.Subcommands.SelectMany(syntax => syntax.Options.Select(option => (syntax.Name, option.Name))).ToHashSet();
        var names = pairs.Select(pair => pair.Item2).ToHashSet();
        return
        [
            .. AutocompletedEverywhere.Append(Limit).Where(name => !names.Contains(name)).Select(name => $"no subcommand has an option {name}"),
            .. AutocompletedIn.Concat(RequiredIn).Where(pair => !pairs.Contains(pair))
                .Select(pair => $"{pair.Subcommand} has no option {pair.Option}"),
        ];
    }
}
