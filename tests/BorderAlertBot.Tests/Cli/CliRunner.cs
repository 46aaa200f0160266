using BorderAlertBot.Cli;

namespace BorderAlertBot.Tests.Cli;

/// <summary>Runs CLI verbs in process against one database, capturing what a user would see.</summary>
public sealed class CliRunner(string databasePath)
{
    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment(output, error, new Dictionary<string, string?> { ["Store:Path"] = databasePath }, IsInteractive: false);
        var exitCode = await BorderAlertBotCli.RunAsync(args, environment);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}

public sealed record CliResult(int ExitCode, string Output, string Error);
