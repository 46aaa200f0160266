using BorderAlertBot.Cli;
using BorderAlertBot.Ingestion;
using BorderAlertBot.Tests.Support;

namespace BorderAlertBot.Tests.Cli;

/// <summary>Runs CLI verbs in process against one database, capturing what a user would see.</summary>
public sealed class CliRunner(string databasePath, IReadOnlyDictionary<string, string?>? settings = null)
{
    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var configuration = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Store:Path"] = databasePath };
        var environment = new CliEnvironment(output, error, configuration, IsInteractive: false);
        var exitCode = await BorderAlertBotCli.RunAsync(args, environment);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}

public sealed record CliResult(int ExitCode, string Output, string Error);

public static class CliRunnerExtensions
{
    /// <summary>Both steps of the sample scenario, imported as a curator would with the CLI.</summary>
    public static async Task ImportSampleAsync(this CliRunner cli, BotData data)
    {
        var assembly = typeof(SampleScenario).Assembly;
        foreach (var step in SampleScenario.Steps)
        {
            await using var stream = assembly.GetManifestResourceStream($"BorderAlertBot.Sample.{step}")
                ?? throw new InvalidOperationException($"No embedded sample step {step}.");
            using var reader = new StreamReader(stream);
            var imported = await cli.RunAsync("import", data.Write(step, await reader.ReadToEndAsync()));
            Assert.Equal(ExitCodes.Success, imported.ExitCode);
        }
    }
}
