using System.CommandLine;
using BorderAlertBot.Hosting;

namespace BorderAlertBot.Cli;

/// <summary><c>run</c> (the default): the bot itself. Extra tokens are configuration (--Http:Port=5081).</summary>
public static class RunCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("run", "Run the bot (the default): HTTP endpoints, workers, the console subscription.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync([.. parseResult.UnmatchedTokens], environment, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken)
    {
        try
        {
            var builder = WebApplication.CreateBuilder(args);
            builder.Configuration.AddInMemoryCollection(environment.Overrides);
            builder.AddBorderAlertBot();
            await using var app = builder.Build();
            app.MapBorderAlertBot();
            await app.RunAsync();
            return ExitCodes.Success;
        }
        catch (Exception exception) when (ConfigurationErrors.TryDescribe(exception) is { } problems)
        {
            return ConfigurationErrors.Report(environment.Error, problems);
        }
        catch (IOException exception) when (exception.InnerException is System.Net.Sockets.SocketException or null && exception.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
        {
            await environment.Error.WriteLineAsync($"Could not listen: {exception.Message}. Set Http:Port (or Http__Port) to a free port, or 0 for any.");
            return ExitCodes.Failed;
        }
    }
}
