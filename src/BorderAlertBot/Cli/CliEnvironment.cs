namespace BorderAlertBot.Cli;

/// <summary>Where the CLI writes and what configuration it adds on top of the usual sources; tests replace both.</summary>
public sealed record CliEnvironment(TextWriter Output, TextWriter Error, IReadOnlyDictionary<string, string?> Overrides, bool IsInteractive)
{
    public static CliEnvironment Console { get; } =
        new(System.Console.Out, System.Console.Error, new Dictionary<string, string?>(), !System.Console.IsOutputRedirected);
}
