using System.CommandLine;
using System.Globalization;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Alerting;
using BorderAlertBot.Domain;
using BorderAlertBot.Storage;
using EventId = BorderAlertBot.Domain.EventId;

namespace BorderAlertBot.Cli;

/// <summary><c>events list|show|search</c>: look at the store; the curators' verbs are in <see cref="EventsCurationCommands"/>.</summary>
public static class EventsCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("events", "Look at the curated events in the store.");
        command.Subcommands.Add(List(environment));
        command.Subcommands.Add(Show(environment));
        command.Subcommands.Add(Search(environment));
        EventsCurationCommands.AddTo(command, environment);
        return command;
    }

    private static Command List(CliEnvironment environment)
    {
        var filter = new FilterOptions();
        var limit = new Option<int>("--limit") { Description = "How many events at most.", DefaultValueFactory = _ => 20 };
        var command = new Command("list", "The latest events, newest first.") { limit };
        filter.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => CliHost.WithServicesAsync(environment, async (services, ct) =>
        {
            if (!filter.TryBuild(parseResult, environment.Error, out var eventFilter))
            {
                return ExitCodes.InvalidConfiguration;
            }

            var events = await services.GetRequiredService<IEventQueries>().LatestAsync(eventFilter, parseResult.GetValue(limit), ct);
            await WriteTableAsync(environment.Output, events);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command Show(CliEnvironment environment)
    {
        var id = EventsCurationCommands.IdArgument(description: "The event id, e.g. evt_laukkai_surrender_2024.");
        var command = new Command("show", "One event in full, with every revision.") { id };
        command.SetAction((parseResult, cancellationToken) => CliHost.WithServicesAsync(environment, async (services, ct) =>
        {
            var text = parseResult.GetValue(id);
            if (!EventId.TryParse(text, out var eventId))
            {
                await environment.Error.WriteLineAsync(EventsCurationCommands.NotAnId(text));
                return ExitCodes.InvalidConfiguration;
            }

            var store = services.GetRequiredService<IEventStore>();
            var conflictEvent = await store.TryGetAsync(eventId, ct);
            if (conflictEvent is null)
            {
                await environment.Error.WriteLineAsync($"No event {eventId} in the store. Try: events search <words>.");
                return ExitCodes.Failed;
            }

            await environment.Output.WriteLineAsync(AlertTextRenderer.Render(conflictEvent, Withdrawal.AlertKindOf(conflictEvent.Status)));
            if (conflictEvent.MergedReports is { Count: > 0 } reports)
            {
                await environment.Output.WriteLineAsync($"Reports merged into it: {string.Join(", ", reports)} (events split {eventId} [REPORT] undoes a merge)");
            }

            await environment.Output.WriteLineAsync($"Severity: {conflictEvent.Severity.Describe()}");
            foreach (var reason in conflictEvent.Severity.Reasons)
            {
                await environment.Output.WriteLineAsync($"  - {reason}");
            }

            await environment.Output.WriteLineAsync("Revisions:");
            foreach (var revision in await store.GetRevisionsAsync(eventId, ct))
            {
                var info = revision.Revision;
                await environment.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  {info.Number}. {info.At:yyyy-MM-dd HH:mm} UTC by {info.By}: {string.Join("; ", info.Changes)}"));
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command Search(CliEnvironment environment)
    {
        var text = new Argument<string[]>("text") { Description = "Words to find in titles, summaries, places and actors.", Arity = ArgumentArity.OneOrMore };
        var limit = new Option<int>("--limit") { Description = "How many events at most.", DefaultValueFactory = _ => 20 };
        var filter = new FilterOptions();
        var command = new Command("search", "Full-text search, best match first.") { text, limit };
        filter.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => CliHost.WithServicesAsync(environment, async (services, ct) =>
        {
            if (!filter.TryBuild(parseResult, environment.Error, out var eventFilter))
            {
                return ExitCodes.InvalidConfiguration;
            }

            var query = string.Join(' ', parseResult.GetValue(text) ?? []);
            var events = await services.GetRequiredService<IEventQueries>().SearchAsync(query, eventFilter, parseResult.GetValue(limit), ct);
            await WriteTableAsync(environment.Output, events);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    internal static async Task WriteTableAsync(TextWriter output, IReadOnlyList<ConflictEvent> events)
    {
        if (events.Count == 0)
        {
            await output.WriteLineAsync("No events match.");
            return;
        }

        foreach (var conflictEvent in events)
        {
            var severity = conflictEvent.Severity.Effective;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{conflictEvent.Id,-44} {conflictEvent.Occurred.At:yyyy-MM-dd}  {conflictEvent.Subtype,-18} {severity,-11} {(int)severity}  {conflictEvent.Status,-9}  {conflictEvent.Location?.Place ?? conflictEvent.Location?.Admin1 ?? "-",-22}  {conflictEvent.Title}"));
        }

        await output.WriteLineAsync($"{events.Count} event{(events.Count == 1 ? string.Empty : "s")}.");
    }
}
