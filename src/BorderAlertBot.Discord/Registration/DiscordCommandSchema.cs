using BorderAlertBot.Commands;

namespace BorderAlertBot.Discord.Registration;

/// <summary>
/// The body of Discord's bulk overwrite (platforms/discord.md §2) for the one <c>/border</c> command, built from
/// <see cref="CommandSyntax.Subcommands"/> so that what is registered is what the parser reads: one SUB_COMMAND per
/// subcommand in the syntax's order, each with the syntax's options, names and descriptions.
/// </summary>
public static class DiscordCommandSchema
{
    public const string DefaultCommandName = "border";

    /// <summary>The root command's description (at most 100 characters).</summary>
    public const string Description = "Border clashes, ceasefires and trade crossings: latest events, search, alerts and digests";

    /// <summary>
    /// The commands to <c>PUT</c>: the one CHAT_INPUT command, which everyone may run (<c>default_member_permissions</c>
    /// null, since Discord's permissions are per command, not per subcommand, so admin subcommands are checked on our side
    /// against Manage Channels). A global command is for servers only (<c>contexts</c> [0], <c>integration_types</c> [0]).
    /// </summary>
    /// <param name="commandName">The root command's name, as configured. It is not checked here: send nothing until
    /// <see cref="Problems"/> finds no problem with it.</param>
    /// <param name="scope">Global, or one guild (which leaves out the global-only fields).</param>
    /// <exception cref="InvalidOperationException"><see cref="CommandSyntax"/> breaks one of Discord's rules (a description
    /// over 100 characters, say), or the option traits name an option it no longer has: a bug to fix there.</exception>
    public static IReadOnlyList<ApplicationCommand> Build(string commandName, RegistrationScope scope = RegistrationScope.Global)
    {
        ArgumentNullException.ThrowIfNull(commandName);
        var isGlobal = scope == RegistrationScope.Global;
        var command = new ApplicationCommand
        {
            Name = commandName,
            Type = ApplicationCommandType.ChatInput,
            Description = Description,
            Options = [.. CommandSyntax.Subcommands.Select(Subcommand)],
            DefaultMemberPermissions = null,
            Contexts = isGlobal ? [InteractionContextType.Guild] : null,
            IntegrationTypes = isGlobal ? [ApplicationIntegrationType.GuildInstall] : null,
        };

        // Checked under the default name, so that whatever is found is the syntax's fault, not the configuration's.
        var syntaxProblems = DiscordOptionTraits.Drift().Concat(Problems(command with { Name = DefaultCommandName })).ToList();
        if (syntaxProblems.Count > 0)
        {
            throw new InvalidOperationException(
                "CommandSyntax does not fit Discord's command rules (platforms/discord.md §2): " + string.Join("; ", syntaxProblems));
        }

        return [command];
    }

    /// <summary>
    /// Every rule of platforms/discord.md §2 the command breaks (none for what <see cref="Build"/> makes under a good
    /// name): the name pattern and lowercase, descriptions of 1-100, at most 25 options per level, required options
    /// first, no choices with autocomplete, at most 8000 characters of names, descriptions and choices.
    /// </summary>
    public static IReadOnlyList<string> Problems(ApplicationCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ApplicationCommandRules.Problems(command);
    }

    // Required options first (Discord's rule), otherwise in the syntax's order; FromOptions reads options by name.
    private static ApplicationCommandOption Subcommand(SubcommandSyntax syntax) =>
        new()
        {
            Type = ApplicationCommandOptionType.SubCommand,
            Name = syntax.Name,
            Description = syntax.Summary,
            Options = syntax.Options.Count == 0
                ? null
                : [.. syntax.Options.Select(option => DiscordOptionTraits.ToOption(syntax, option)).OrderBy(option => option.Required == true ? 0 : 1)],
        };
}
