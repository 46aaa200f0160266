using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BorderAlertBot.Testing.Postgres;

/// <summary>
/// A PostgreSQL cluster of its own in a temp folder, started with the machine's <c>initdb</c> and <c>pg_ctl</c> (on the
/// PATH or under <c>/usr/lib/postgresql/*/bin</c>): run as the <c>postgres</c> user when we are root (PostgreSQL refuses
/// to run as root), listening on 127.0.0.1 only at a free port with its socket in the temp folder, trusting local
/// connections, and without fsync (a test cluster is thrown away) unless it is to be durable (benchmarks: commits as a real
/// server makes them). Stopped and deleted on dispose.
/// </summary>
public sealed class ThrowawayCluster : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private readonly string _binaries;
    private readonly string _folder;
    private readonly bool _asPostgres;

    private ThrowawayCluster(string binaries, string folder, bool asPostgres, int port)
    {
        _binaries = binaries;
        _folder = folder;
        _asPostgres = asPostgres;
        Port = port;
    }

    public int Port { get; }

    public string AdminConnectionString => string.Create(CultureInfo.InvariantCulture,
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false;Timeout=30");

    public string Describe => string.Create(CultureInfo.InvariantCulture, $"{_binaries}, 127.0.0.1:{Port}");

    private string DataFolder => Path.Combine(_folder, "data");

    public static async Task<ThrowawayCluster> StartAsync(bool durable = false, CancellationToken cancellationToken = default)
    {
        var binaries = FindBinaries() ?? throw new ThrowawayClusterException("initdb and pg_ctl are not on the PATH nor under /usr/lib/postgresql/*/bin (apt-get install postgresql)");
        var asPostgres = Environment.UserName == "root";
        var folder = Path.Combine(Path.GetTempPath(), "borderalertbot-pg", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var cluster = new ThrowawayCluster(binaries, folder, asPostgres, FreePort());
        try
        {
            if (asPostgres)
            {
                await cluster.RunAsync("chown", ["-R", "postgres:postgres", folder], asPostgres: false, cancellationToken);
            }

            await cluster.RunAsync(Path.Combine(binaries, "initdb"),
                ["-D", cluster.DataFolder, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync", "--no-instructions"], asPostgres, cancellationToken);
            var settings = string.Create(CultureInfo.InvariantCulture,
                $"-p {cluster.Port} -c listen_addresses=127.0.0.1 -k {folder} -c max_connections=400")
                + (durable ? string.Empty : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
            await cluster.RunAsync(Path.Combine(binaries, "pg_ctl"),
                ["-D", cluster.DataFolder, "-o", settings, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "start"], asPostgres, cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
            {
                await RunAsync(Path.Combine(_binaries, "pg_ctl"), ["-D", DataFolder, "-m", "immediate", "-w", "stop"], _asPostgres, CancellationToken.None);
            }
        }
        catch (ThrowawayClusterException)
        {
            // Deleting the folder is all that is left to do.
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS temp cleaner will take it.
        }
    }

    /// <summary>The folder with initdb and pg_ctl: the PATH's, else the newest under /usr/lib/postgresql.</summary>
    private static string? FindBinaries()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(folder => (Folder: Path.Combine(folder, "bin"), Version: int.TryParse(Path.GetFileName(folder), out var version) ? version : 0))
                .OrderByDescending(entry => entry.Version)
                .Select(entry => entry.Folder)
            : [];
        return path.Concat(installed).FirstOrDefault(folder => File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres, CancellationToken cancellationToken)
    {
        var start = asPostgres ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", program, .. arguments]) : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.WorkingDirectory = _folder;
        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(output, line.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new ThrowawayClusterException($"{start.FileName} could not be started: {exception.Message}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).WaitAsync(CommandTimeout, TimeProvider.System, cancellationToken);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new ThrowawayClusterException($"{Path.GetFileName(program)} did not finish within {CommandTimeout.TotalSeconds} s");
        }

        if (process.ExitCode != 0)
        {
            lock (output)
            {
                throw new ThrowawayClusterException($"{Path.GetFileName(program)} failed with exit code {process.ExitCode}: {output.ToString().Trim()}");
            }
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
