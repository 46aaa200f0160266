using System.CommandLine;
using BorderAlertBot.Discord;
using BorderAlertBot.Discord.Registration;
using BorderAlertBot.Discord.Rest;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Cli;

/// <summary><c>discord register-commands [--guild ID]</c>: registers <c>/border</c> with Discord by bulk overwrite (platforms/discord.md §2).</summary>
public static class DiscordCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var guild = new Option<string?>("--guild") { Description = "Register in one server only (updates at once; for testing) instead of globally." };
        var register = new Command("register-commands", "Register the /border command and all its options with Discord (a bulk overwrite: running it again changes nothing).") { guild };
        register.SetAction((parseResult, cancellationToken) => CliHost.WithServicesAsync(environment, async (services, ct) =>
        {
            var options = services.GetRequiredService<IOptions<DiscordOptions>>().Value;
            if (!options.IsEnabled)
            {
                await environment.Error.WriteLineAsync("Discord is not configured: set Discord:BotToken and Discord:ApplicationId.");
                return ExitCodes.InvalidConfiguration;
            }

            var guildId = parseResult.GetValue(guild);
            if (guildId is not null && !ulong.TryParse(guildId, out _))
            {
                await environment.Error.WriteLineAsync($"--guild: '{guildId}' is not a server id (a number such as 1100000000000000001).");
                return ExitCodes.InvalidConfiguration;
            }

            var commands = DiscordCommandSchema.Build(options.CommandName, guildId is null ? RegistrationScope.Global : RegistrationScope.Guild);
            if (commands.SelectMany(DiscordCommandSchema.Problems).ToList() is { Count: > 0 } problems)
            {
                await environment.Error.WriteLineAsync($"Discord would refuse /{options.CommandName}: {string.Join("; ", problems)}");
                return ExitCodes.InvalidConfiguration;
            }

            var response = await services.GetRequiredService<DiscordCommandsApi>().OverwriteAsync(options.ApplicationId, guildId, commands, ct);
            if (!response.IsSuccess)
            {
                await environment.Error.WriteLineAsync($"Discord refused the commands: {response.Describe()}{(response.Errors is { } errors ? " " + errors : string.Empty)}");
                return ExitCodes.Failed;
            }

            var where = guildId is null ? "globally (servers may take up to an hour to show changes)" : $"in server {guildId}";
            await environment.Output.WriteLineAsync($"Registered /{options.CommandName} with {commands[0].Options.Count} subcommands {where}.");
            return ExitCodes.Success;
        }, cancellationToken));
        var command = new Command("discord", "Discord: register the slash command.");
        command.Subcommands.Add(register);
        return command;
    }
}
