using System.CommandLine;
using System.Globalization;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Ingestion.DropFolder;
using BorderAlertBot.Sources;

namespace BorderAlertBot.Cli;

/// <summary><c>sources status|poll|enable</c>: the configured sources' health, a poll now, and re-enabling a disabled one.</summary>
public static class SourcesCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var status = new Command("status", "Each source: last success, last error, items seen, next poll; disabled ones with the reason.");
        status.SetAction((_, cancellationToken) => CliHost.WithServicesAsync(environment, (services, ct) => StatusAsync(services, environment, ct), cancellationToken));

        var pollName = new Argument<string>("name") { Description = "The source's name, as 'sources status' shows it." };
        var poll = new Command("poll", "Poll one source now, whatever its schedule, and show its state after.") { pollName };
        poll.SetAction((parseResult, cancellationToken) => CliHost.WithServicesAsync(environment, async (services, ct) =>
        {
            if (DropFolder(services, parseResult.GetValue(pollName)!) is { } folder)
            {
                await folder.ScanAsync(ct);
                var scanned = await services.GetRequiredService<ISourceStateStore>().TryGetAsync(DropFolderWatcher.SourceName, ct) ?? SourceState.New(DropFolderWatcher.SourceName);
                await WriteAsync(environment.Output, scanned, services.GetRequiredService<TimeProvider>().GetUtcNow());
                return scanned.ConsecutiveFailures == 0 ? ExitCodes.Success : ExitCodes.Failed;
            }

            if (await FindAsync(services, parseResult.GetValue(pollName)!, environment) is not { } source)
            {
                return ExitCodes.Failed;
            }

            var state = await services.GetRequiredService<SourceRunner>().RunAsync(source, ct);
            await WriteAsync(environment.Output, state, services.GetRequiredService<TimeProvider>().GetUtcNow());
            return state.LastSuccessAt is not null && state.ConsecutiveFailures == 0 ? ExitCodes.Success : ExitCodes.Failed;
        }, cancellationToken));

        var enableName = new Argument<string>("name") { Description = "The disabled source's name." };
        var enable = new Command("enable", "Enable a source that was disabled after repeated failures; the running bot polls it within a minute.") { enableName };
        enable.SetAction((parseResult, cancellationToken) => CliHost.WithServicesAsync(environment, async (services, ct) =>
        {
            var name = DropFolder(services, parseResult.GetValue(enableName)!) is not null ? DropFolderWatcher.SourceName : null;
            if (name is null && await FindAsync(services, parseResult.GetValue(enableName)!, environment) is { } source)
            {
                name = source.Name;
            }

            if (name is null)
            {
                return ExitCodes.Failed;
            }

            var state = await services.GetRequiredService<SourceRunner>().EnableAsync(name, ct);
            await environment.Output.WriteLineAsync($"{state.Name} enabled; the running bot polls it within a minute.");
            return ExitCodes.Success;
        }, cancellationToken));

        var command = new Command("sources", "The sources the bot polls (ACLED, GDELT, feeds, the drop folder).");
        command.Subcommands.Add(status);
        command.Subcommands.Add(poll);
        command.Subcommands.Add(enable);
        return command;
    }

    private static async Task<int> StatusAsync(IServiceProvider services, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var configured = services.GetServices<IEventSource>().Select(source => source.Name).ToList();
        if (services.GetRequiredService<DropFolderWatcher>().IsEnabled)
        {
            configured.Add(DropFolderWatcher.SourceName);
        }

        var stored = (await services.GetRequiredService<ISourceStateStore>().ListAsync(cancellationToken)).ToDictionary(state => state.Name, StringComparer.Ordinal);
        var names = configured.Concat(stored.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            await environment.Output.WriteLineAsync("No sources are configured (see Acled, Gdelt, Feeds and DropFolder in the README).");
            return ExitCodes.Success;
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var name in names)
        {
            var state = stored.GetValueOrDefault(name) ?? SourceState.New(name);
            await WriteAsync(environment.Output, state, now, configured.Contains(name, StringComparer.Ordinal) ? null : "no longer configured");
        }

        return ExitCodes.Success;
    }

    /// <summary>The drop folder, when <paramref name="name"/> names it and one is configured (it is watched, not polled through the runner).</summary>
    private static DropFolderWatcher? DropFolder(IServiceProvider services, string name) =>
        string.Equals(name, DropFolderWatcher.SourceName, StringComparison.OrdinalIgnoreCase) && services.GetRequiredService<DropFolderWatcher>() is { IsEnabled: true } watcher
            ? watcher
            : null;

    private static async Task<IEventSource?> FindAsync(IServiceProvider services, string name, CliEnvironment environment)
    {
        var sources = services.GetServices<IEventSource>().ToList();
        if (sources.Find(source => string.Equals(source.Name, name, StringComparison.OrdinalIgnoreCase)) is { } found)
        {
            return found;
        }

        var known = sources.Count == 0 ? "none is configured" : "configured: " + string.Join(", ", sources.Select(source => source.Name));
        await environment.Error.WriteLineAsync($"No source named '{name}' ({known}).");
        return null;
    }

    private static async Task WriteAsync(TextWriter output, SourceState state, DateTimeOffset now, string? note = null)
    {
        var health = state switch
        {
            { IsDisabled: true } => "DISABLED",
            { ConsecutiveFailures: > 0 } => $"failing ({state.ConsecutiveFailures} in a row)",
            { LastSuccessAt: null, LastErrorAt: null } => "not polled yet",

            // Enabled again after failures: its last poll failed, and none has succeeded since.
            { LastSuccessAt: null } => "not polled successfully yet",
            { LastErrorAt: { } failed, LastSuccessAt: { } succeeded } when failed > succeeded => "not polled successfully since its last error",
            _ => "ok",
        };
        await output.WriteLineAsync($"{state.Name}: {health}{(note is null ? string.Empty : $" ({note})")}");
        await output.WriteLineAsync($"  last success: {When(state.LastSuccessAt, now)}");
        await output.WriteLineAsync($"  last error:   {(state.LastError is null ? "none" : $"{When(state.LastErrorAt, now)}: {state.LastError}")}");
        await output.WriteLineAsync($"  items seen:   {state.ItemsSeen.ToString("N0", CultureInfo.InvariantCulture)}");
        await output.WriteLineAsync(state.IsDisabled
            ? $"  next poll:    none — {state.DisabledReason}; run 'sources enable {state.Name}' once it is fixed"
            : $"  next poll:    {(state.NextPollAt is { } next && next > now ? When(next, now) : "now")}");
    }

    private static string When(DateTimeOffset? at, DateTimeOffset now)
    {
        if (at is not { } instant)
        {
            return "never";
        }

        var text = instant.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
        // Whole seconds first, so 59.9 s reads "1 min" rather than "60 s".
        var span = TimeSpan.FromSeconds(Math.Round((instant - now).Duration().TotalSeconds));
        var ago = span < TimeSpan.FromMinutes(1) ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0} s")
            : span < TimeSpan.FromHours(2) ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0} min")
            : string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} h");
        return string.Create(CultureInfo.InvariantCulture, $"{text} ({(instant <= now ? ago + " ago" : "in " + ago)})");
    }
}
