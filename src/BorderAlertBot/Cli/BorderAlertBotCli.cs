using System.CommandLine;

namespace BorderAlertBot.Cli;

/// <summary>The command line of the one executable: <c>run</c> (default), <c>import</c>, <c>events …</c>.</summary>
public static class BorderAlertBotCli
{
    public static Task<int> RunAsync(string[] args) => RunAsync(args, CliEnvironment.Console);

    public static async Task<int> RunAsync(string[] args, CliEnvironment environment)
    {
        var root = new RootCommand("BorderAlertBot: curated conflict events on the Myanmar–China border, as alerts in Discord and Slack.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.Subcommands.Add(RunCommand.Create(environment));
        root.Subcommands.Add(ImportCommand.Create(environment));
        root.Subcommands.Add(EventsCommand.Create(environment));
        root.Subcommands.Add(SubscriptionsCommand.Create(environment));
        root.Subcommands.Add(DeliveriesCommand.Create(environment));
        root.Subcommands.Add(QueryCommand.Create(environment));
        root.Subcommands.Add(DigestPreviewCommand.Create(environment));
        root.Subcommands.Add(DiscordCommand.Create(environment));
        root.Subcommands.Add(SourcesCommand.Create(environment));
        root.Subcommands.Add(BackupCommand.Create(environment));
        root.Subcommands.Add(HealthCommand.Create(environment));
        root.SetAction(async (parseResult, cancellationToken) =>
        {
            // No verb means "run"; leftover "--Key=Value" tokens are configuration, anything else is a mistyped verb.
            var unmatched = parseResult.UnmatchedTokens;
            if (unmatched.Count > 0 && !unmatched[0].StartsWith('-'))
            {
                await environment.Error.WriteLineAsync($"Unknown command '{unmatched[0]}'. Commands: run, import, events, subscriptions, deliveries, query, digest, discord, sources, backup, health. Try --help.");
                return ExitCodes.InvalidConfiguration;
            }

            return await RunCommand.RunAsync([.. unmatched], environment, cancellationToken);
        });

        var configuration = new InvocationConfiguration
        {
            Output = environment.Output,
            Error = environment.Error,

            // The bot's host owns Ctrl+C and SIGTERM and shuts down gracefully; import batches are transactions.
            ProcessTerminationTimeout = null,
        };
        // No response files: "@everyone" is a value a user may type, not a file to expand.
        return await root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null }).InvokeAsync(configuration);
    }
}
