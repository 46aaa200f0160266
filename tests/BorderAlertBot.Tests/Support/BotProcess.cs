using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace BorderAlertBot.Tests.Support;

/// <summary>
/// A real bot process: the executable's build output beside the tests (or a published binary), started with the given
/// environment, its output kept for assertions and a failing test's message. Killed on dispose if still running.
/// </summary>
public sealed class BotProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BotProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, line) => Append(line.Data);
        process.ErrorDataReceived += (_, line) => Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The host's build output (BorderAlertBot.dll beside the tests) with <c>dotnet</c>, settings as environment variables.</summary>
    public static BotProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> settings) =>
        Start("dotnet", [HostAssembly()], workingDirectory, settings.ToDictionary(pair => pair.Key.Replace(":", "__", StringComparison.Ordinal), pair => pair.Value));

    public static BotProcess Start(string fileName, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new BotProcess(Process.Start(start)!); // Start returns null only for shell-executed documents.
    }

    /// <summary>SIGKILL: no finally blocks, no shutdown, no lease released.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
    }

    /// <summary>Sends a signal by name (TERM, INT) with kill(1), as a supervisor would.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>Waits for the exit; false when it had not exited within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Waits until the output holds <paramref name="text"/>.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            Assert.False(_process.HasExited && !Output.Contains(text, StringComparison.Ordinal), $"the bot exited ({_process.ExitCode}) without writing '{text}':{Environment.NewLine}{Output}");
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, deadline.Token);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    /// <summary>The host's own build output, next to the tests' (same configuration).</summary>
    private static string HostAssembly()
    {
        var candidate = Path.Combine(AppContext.BaseDirectory, "BorderAlertBot.dll");
        return File.Exists(candidate) ? candidate : throw new FileNotFoundException("BorderAlertBot.dll is not beside the tests.", candidate);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
