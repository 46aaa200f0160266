using System.CommandLine;
using System.Globalization;
using BorderAlertBot.Hosting;
using BorderAlertBot.Store.Sqlite;

namespace BorderAlertBot.Cli;

/// <summary>
/// <c>backup --out FILE</c>: a consistent copy of the SQLite store, safe to take while the bot runs (SQLite's online
/// backup API). Restoring is stopping the bot and putting the file in place of <c>Store:Path</c> (README, Operations).
/// With another store provider it says to use that database's own tools (pg_dump for PostgreSQL).
/// </summary>
public static class BackupCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var output = new Option<string>("--out") { Description = "The file to write the backup to (never overwritten).", Required = true };
        var command = new Command("backup", "Copy the SQLite store to a file, safely while the bot runs.") { output };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var provider = CliHost.ReadConfiguration(environment)[$"{StoreOptions.SectionName}:{nameof(StoreOptions.Provider)}"] ?? StoreOptions.Sqlite;
            if (!string.Equals(provider, StoreOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
            {
                await environment.Error.WriteLineAsync($"backup copies the SQLite store; Store:Provider is {provider}. Back PostgreSQL up with pg_dump (see the README, Operations → Backup and restore).");
                return ExitCodes.InvalidConfiguration;
            }

            return await CliHost.WithServicesAsync(environment, async (services, ct) =>
            {
                var destination = parseResult.GetValue(output)!; // Required.
                try
                {
                    var clock = services.GetRequiredService<TimeProvider>();
                    var started = clock.GetTimestamp();
                    var result = await services.GetRequiredService<SqliteBackup>().BackupAsync(destination, ct);
                    var seconds = clock.GetElapsedTime(started).TotalSeconds;
                    await environment.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"Backed up {result.Source} to {result.Destination}: {result.Events} events, {result.Bytes:N0} bytes, integrity ok, in {seconds:0.0} s."));
                    return ExitCodes.Success;
                }
                catch (IOException exception)
                {
                    await environment.Error.WriteLineAsync("Backup failed: " + exception.Message);
                    return ExitCodes.Failed;
                }
            }, cancellationToken);
        });
        return command;
    }
}
