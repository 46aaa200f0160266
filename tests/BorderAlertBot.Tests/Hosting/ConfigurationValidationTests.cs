using BorderAlertBot.Cli;
using BorderAlertBot.Tests.Support;

namespace BorderAlertBot.Tests.Hosting;

public sealed class ConfigurationValidationTests : IDisposable
{
    private readonly BotData _data = new();

    public void Dispose() => _data.Dispose();

    [Theory]
    [InlineData("Http:Port", "70000", "Invalid configuration: Http:Port: must be between 0 and 65535")]
    [InlineData("Http:Address", "localhost:80", "Invalid configuration: Http:Address: 'localhost:80' is not an IP address")]
    [InlineData("Store:Provider", "Oracle", "Invalid configuration: Store:Provider: 'Oracle' is not a store provider (available: Sqlite, Postgres)")]
    [InlineData("Store:Provider", "Postgres", "Invalid configuration: Store:ConnectionString: must be an Npgsql connection string when Store:Provider is Postgres")]
    [InlineData("Cluster:LeaseDuration", "00:00:00.500", "Invalid configuration: Cluster:LeaseDuration: must be between")]
    [InlineData("Store:Path", "", "Invalid configuration: Store:Path: must name the SQLite database file")]
    [InlineData("Delivery:FallbackPollInterval", "00:00:00.001", "Invalid configuration: Delivery:FallbackPollInterval: must be between")]
    [InlineData("Geography:BorderZoneKm", "0", "Invalid configuration: Geography:BorderZoneKm: must be between")]
    [InlineData("Sample:UpdatesAfter", "-00:00:01", "Invalid configuration: Sample:UpdatesAfter: must be between")]
    [InlineData("Http:Port", "eighty", "Invalid configuration: Failed to convert configuration value 'eighty' at 'Http:Port'")]
    public async Task An_invalid_value_stops_the_start_with_exit_code_2_and_one_line_naming_the_key(string key, string value, string expected)
    {
        // Arrange
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment(output, error, new Dictionary<string, string?>
        {
            ["Store:Path"] = _data.DatabasePath,
            ["Http:Port"] = "0",
            [key] = value,
        }, IsInteractive: false);

        // Act (a value that is wrongly accepted would start the bot: fail instead of waiting for it forever)
        var exitCode = await BorderAlertBotCli.RunAsync(["run"], environment).WaitAsync(TimeSpan.FromSeconds(30));

        // Assert
        Assert.Equal(ExitCodes.InvalidConfiguration, exitCode);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cli_verbs_validate_the_same_options()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment(output, error, new Dictionary<string, string?> { ["Store:Provider"] = "Mongo" }, IsInteractive: false);

        var exitCode = await BorderAlertBotCli.RunAsync(["events", "list"], environment);

        Assert.Equal(ExitCodes.InvalidConfiguration, exitCode);
        Assert.Contains("Store:Provider: 'Mongo' is not a store provider", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mistyped_verb_is_named_and_nothing_starts()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment(output, error, new Dictionary<string, string?>(), IsInteractive: false);

        var exitCode = await BorderAlertBotCli.RunAsync(["improt", "file.json"], environment);

        Assert.Equal(ExitCodes.InvalidConfiguration, exitCode);
        Assert.Contains("Unknown command 'improt'", error.ToString(), StringComparison.Ordinal);
    }
}
