using System.Diagnostics;
using BorderAlertBot.Tests.Support;

namespace BorderAlertBot.Tests.Hosting;

/// <summary>The real executable, started the way a newcomer starts it and stopped with Ctrl+C (SIGINT).</summary>
public sealed class ProcessTests : IDisposable
{
    private readonly BotData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task The_bot_prints_sample_alerts_within_seconds_and_stops_cleanly_on_ctrl_c()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return; // SIGINT is sent with kill(1).
        }

        // Arrange: no configuration but a free port; the working directory is a fresh folder, so ./data is new.
        var start = new ProcessStartInfo("dotnet", [HostAssembly()])
        {
            WorkingDirectory = _data.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Http__Port"] = "0";
        using var process = Process.Start(start)!; // Start returns null only for shell-executed documents.
        var output = new RecordingTextWriter();
        process.OutputDataReceived += (_, line) => output.WriteLine(line.Data);
        process.ErrorDataReceived += (_, line) => output.WriteLine(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            // Act
            await output.WaitForAsync(text => text.Contains("evt_laiza_camp_strike_2023 · revision 1 · Verified", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
            await output.WaitForAsync(text => text.Contains("Application started", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
            using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await interrupt.WaitForExitAsync();
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));

            // Assert
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("[CRITICAL 5/5] Border clash · Air strike", output.Text, StringComparison.Ordinal);
            Assert.Contains("Application is shutting down", output.Text, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(_data.Folder, "data", "borderalertbot.db")));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>The host's own build output, next to this test's (same configuration).</summary>
    private static string HostAssembly()
    {
        var here = AppContext.BaseDirectory;
        var candidate = Path.Combine(here, "BorderAlertBot.dll");
        return File.Exists(candidate) ? candidate : throw new FileNotFoundException("BorderAlertBot.dll is not beside the tests.", candidate);
    }
}
