using System.Net;
using System.Net.Sockets;
using BorderAlertBot.Cli;
using BorderAlertBot.Tests.Support;

namespace BorderAlertBot.Tests.Deployment;

/// <summary>
/// deploy/borderalertbot.service, exercised the way systemd would run it: the published binary started as <c>ExecStart</c>
/// says, in <c>WorkingDirectory</c>, with the <c>Environment=</c> lines and then the <c>EnvironmentFile</c> (which wins);
/// healthy and ready; stopped with <c>KillSignal</c> and gone, cleanly, within <c>TimeoutStopSec</c>. Paths under /opt
/// and /var/lib stand for temp folders; there is no systemd here, so user, hardening and restarts are checked as written.
/// </summary>
[Collection(PublishedBotCollection.Name)]
public sealed class SystemdUnitTests(PublishedBot published) : IDisposable
{
    private const string InstallFolder = "/opt/borderalertbot";
    private readonly BotData _data = new();
    private readonly SystemdUnit _unit = SystemdUnit.Read(Repository.File("deploy/borderalertbot.service"));

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task The_published_binary_started_as_the_unit_says_becomes_healthy_and_ready_and_stops_cleanly_on_its_kill_signal()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // systemd is Linux's.
        }

        // Arrange: ExecStart with /opt/borderalertbot standing for the publish folder, the state directory for a temp one,
        // and an environment file that moves the port to a free one (as an operator's file may).
        var execStart = _unit.Service("ExecStart").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith(InstallFolder + "/", execStart[0], StringComparison.Ordinal);
        var port = FreePort();
        var environmentFile = _data.Write("borderalertbot.env", string.Join('\n',
            File.ReadAllLines(Repository.File("deploy/borderalertbot.env.example")).Append($"Http__Port={port}")));
        Assert.Equal("/etc/borderalertbot/borderalertbot.env", _unit.Service("EnvironmentFile").TrimStart('-'));
        var environment = new Dictionary<string, string> { ["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" };
        foreach (var (key, value) in _unit.Environment().Concat(SystemdUnit.ReadEnvironmentFile(environmentFile)))
        {
            environment[key] = value;
        }

        Assert.Equal("/var/lib/borderalertbot", _unit.Service("WorkingDirectory"));
        var timeoutStop = TimeSpan.FromSeconds(int.Parse(_unit.Service("TimeoutStopSec"), System.Globalization.CultureInfo.InvariantCulture));
        var binary = published.Folder + execStart[0][InstallFolder.Length..];
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };

        // Act
        using var bot = BotProcess.Start(binary, execStart[1..], _data.Folder, environment);
        var healthy = await UntilAsync(http, "/healthz", bot);
        var ready = await UntilAsync(http, "/readyz", bot);
        using var healthCheck = BotProcess.Start(binary, ["health", "--ready"], _data.Folder, environment);
        Assert.True(await healthCheck.WaitForExitAsync(TimeSpan.FromSeconds(30)), healthCheck.Output);
        Assert.Equal("SIGTERM", _unit.Service("KillSignal"));
        await bot.SignalAsync("TERM");
        var exited = await bot.WaitForExitAsync(timeoutStop);

        // Assert
        Assert.Equal(HttpStatusCode.OK, healthy);
        Assert.Equal(HttpStatusCode.OK, ready);
        Assert.Equal(ExitCodes.Success, healthCheck.ExitCode);
        Assert.True(exited, $"still running {timeoutStop.TotalSeconds} s after SIGTERM:{Environment.NewLine}{bot.Output}");
        Assert.Equal(0, bot.ExitCode);
        Assert.True(File.Exists(Path.Combine(_data.Folder, "data", "borderalertbot.db")), "the store is not under the working directory");
        Assert.Contains("Delivery stopped", bot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_unit_runs_as_its_own_user_restarts_on_failure_and_is_hardened()
    {
        Assert.Equal("borderalertbot", _unit.Service("User"));
        Assert.Equal("on-failure", _unit.Service("Restart"));
        Assert.Equal("borderalertbot", _unit.Service("StateDirectory"));
        Assert.Contains(_unit.Environment(), pair => pair.Key == "Http__Address" && pair.Value == "127.0.0.1");
        foreach (var (key, value) in new[] { ("NoNewPrivileges", "true"), ("ProtectSystem", "strict"), ("ProtectHome", "true"), ("PrivateTmp", "true"), ("CapabilityBoundingSet", "") })
        {
            Assert.Equal(value, _unit.Service(key));
        }

        Assert.Equal(_unit.Service("WorkingDirectory"), _unit.Service("ReadWritePaths"));
        Assert.True(int.Parse(_unit.Service("TimeoutStopSec"), System.Globalization.CultureInfo.InvariantCulture) > 10 + 15, "TimeoutStopSec must exceed the shutdown grace and the host's margin");
        Assert.Null(_unit.One("Service", "MemoryDenyWriteExecute")); // .NET's JIT writes code: this would stop the bot.
        Assert.Equal("multi-user.target", _unit.One("Install", "WantedBy"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The first 200 from <paramref name="path"/>, or else the last answer within a minute (null when nothing ever answered).</summary>
    private static async Task<HttpStatusCode?> UntilAsync(HttpClient http, string path, BotProcess bot)
    {
        var started = TimeProvider.System.GetTimestamp();
        HttpStatusCode? last = null;
        while (TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(60))
        {
            Assert.False(bot.HasExited, "the bot exited:" + Environment.NewLine + bot.Output);
            try
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
                last = response.StatusCode;
                if (last == HttpStatusCode.OK)
                {
                    return last;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System);
        }

        return last;
    }
}
