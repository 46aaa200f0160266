using System.Diagnostics;
using BorderAlertBot.Tests.Support;

namespace BorderAlertBot.Tests.Hosting;

/// <summary>
/// The real executable reads appsettings.json from its working directory, user secrets in every environment, and
/// environment variables, each overriding the one before.
/// </summary>
public sealed class ConfigurationSourcesTests : IDisposable
{
    private const string UserSecretsId = "borderalertbot-7d1c5a0e";
    private readonly BotData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task User_secrets_override_appsettings_and_environment_variables_override_both()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return; // The user-secrets folder is taken from HOME here.
        }

        // Arrange: appsettings.json names the database and an invalid port; user secrets fix the port.
        _data.Write("appsettings.json", """{ "Store": { "Path": "from-appsettings.db" }, "Http": { "Port": 70000 } }""");
        var home = Path.Combine(_data.Folder, "home");
        Directory.CreateDirectory(Path.Combine(home, ".microsoft", "usersecrets", UserSecretsId));
        File.WriteAllText(Path.Combine(home, ".microsoft", "usersecrets", UserSecretsId, "secrets.json"), """{ "Http:Port": "0" }""");

        // Act
        var started = await RunUntilAsync(home, environmentPort: null, "Application started");
        var rejected = await RunUntilAsync(home, environmentPort: "70001", "Invalid configuration");

        // Assert
        Assert.Contains("Application started", started, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_data.Folder, "from-appsettings.db")));
        Assert.Contains("Invalid configuration: Http:Port: must be between 0 and 65535", rejected, StringComparison.Ordinal);
    }

    /// <summary>Starts the bot in the test folder and returns its output once <paramref name="expected"/> appears (or it exits).</summary>
    private async Task<string> RunUntilAsync(string home, string? environmentPort, string expected)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "BorderAlertBot.dll")])
        {
            WorkingDirectory = _data.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["HOME"] = home;
        start.Environment.Remove("APPDATA");
        start.Environment.Remove("Http__Port");
        if (environmentPort is not null)
        {
            start.Environment["Http__Port"] = environmentPort;
        }

        using var process = Process.Start(start)!; // Start returns null only for shell-executed documents.
        var output = new RecordingTextWriter();
        process.OutputDataReceived += (_, line) => output.WriteLine(line.Data);
        process.ErrorDataReceived += (_, line) => output.WriteLine(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await Task.WhenAny(output.WaitForAsync(text => text.Contains(expected, StringComparison.Ordinal), TimeSpan.FromSeconds(20)), process.WaitForExitAsync());
            return output.Text;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }
}
