using System.Diagnostics;
using System.Text;

namespace BorderAlertBot.Tests.Support;

/// <summary>
/// The real executable (BorderAlertBot.dll beside the tests) in a child process, configured by environment variables,
/// with its console output kept for a failing test's message. Killed with SIGKILL on <see cref="Kill"/> or dispose.
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

    public static BotProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet", [HostAssembly()])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
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
