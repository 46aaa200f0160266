using System.CommandLine;
using System.Globalization;
using BorderAlertBot.Curation;
using BorderAlertBot.Domain;
using EventId = BorderAlertBot.Domain.EventId;

namespace BorderAlertBot.Cli;

/// <summary>
/// <c>events pending|approve|reject|retract|correct|merge|split</c>: the curators' verbs. Each records who acted
/// (<c>--curator</c>, the OS user by default) on the revision it writes.
/// </summary>
public static class EventsCurationCommands
{
    public static void AddTo(Command events, CliEnvironment environment)
    {
        events.Subcommands.Add(Pending(environment));
        events.Subcommands.Add(StatusVerb(environment, "approve", "Verify a pending candidate: channels that want it are alerted.", needsReason: false,
            (curator, id, _, by, ct) => curator.ApproveAsync(id, by, ct)));
        events.Subcommands.Add(StatusVerb(environment, "reject", "Reject a pending candidate, saying why.", needsReason: true,
            (curator, id, reason, by, ct) => curator.RejectAsync(id, reason!, by, ct)));
        events.Subcommands.Add(StatusVerb(environment, "retract", "Retract a verified event, saying why: alerted channels see the alert marked retracted.", needsReason: true,
            (curator, id, reason, by, ct) => curator.RetractAsync(id, reason!, by, ct)));
        events.Subcommands.Add(Correct(environment));
        events.Subcommands.Add(Merge(environment));
        events.Subcommands.Add(Split(environment));
    }

    private static Command Pending(CliEnvironment environment)
    {
        var limit = new Option<int>("--limit") { Description = "How many candidates at most.", DefaultValueFactory = _ => 50 };
        var command = new Command("pending", "The candidates waiting for a curator, newest first.") { limit };
        command.SetAction((parseResult, cancellationToken) => CliHost.WithServicesAsync(environment, async (services, ct) =>
        {
            var pending = await services.GetRequiredService<EventCurator>().PendingAsync(parseResult.GetValue(limit), ct);
            await EventsCommand.WriteTableAsync(environment.Output, pending);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command StatusVerb(CliEnvironment environment, string name, string description, bool needsReason,
        Func<EventCurator, EventId, string?, string, CancellationToken, Task<CurationOutcome>> act)
    {
        var id = IdArgument();
        var reason = new Option<string>("--reason") { Description = "Why; shown to every channel that was alerted.", Required = needsReason };
        var curator = CuratorOption();
        var command = new Command(name, description) { id, curator };
        if (needsReason)
        {
            command.Options.Add(reason);
        }

        command.SetAction((parseResult, cancellationToken) => ActAsync(environment, parseResult.GetValue(id)!, (services, eventId, ct) =>
            act(services.GetRequiredService<EventCurator>(), eventId, parseResult.GetValue(reason), By(parseResult, curator), ct), cancellationToken));
        return command;
    }

    private static Command Correct(CliEnvironment environment)
    {
        var id = IdArgument();
        var title = new Option<string>("--title") { Description = "The corrected title." };
        var summary = new Option<string>("--summary") { Description = "The corrected summary." };
        var subtype = new Option<EventSubtype?>("--subtype") { Description = "The corrected subtype (its kind follows), e.g. TerritorySeized." };
        var occurred = new Option<string>("--occurred") { Description = "When it happened: YYYY-MM-DD, or an ISO 8601 instant." };
        var place = new Option<string>("--place") { Description = "A gazetteer place it happened at, e.g. chinshwehaw." };
        var severity = new Option<int?>("--severity") { Description = "A curator's severity, 1–5, kept beside the computed one (with --severity-reason)." };
        var severityReason = new Option<string>("--severity-reason") { Description = "Why the severity is overridden." };
        var clearSeverity = new Option<bool>("--clear-severity") { Description = "Drop a curator's severity; the rules decide again." };
        var addSource = new Option<string[]>("--add-source") { Description = "A report to add: NAME URL.", Arity = new ArgumentArity(2, 2), AllowMultipleArgumentsPerToken = true };
        var curator = CuratorOption();
        var command = new Command("correct", "Correct an event's fields; it keeps its status, and alerted channels see what changed.")
        {
            id, title, summary, subtype, occurred, place, severity, severityReason, clearSeverity, addSource, curator,
        };
        command.SetAction((parseResult, cancellationToken) => ActAsync(environment, parseResult.GetValue(id)!, async (services, eventId, ct) =>
        {
            if (parseResult.GetValue(severity) is { } level && (level is < 1 or > 5 || string.IsNullOrWhiteSpace(parseResult.GetValue(severityReason))))
            {
                return CurationOutcome.Refused("--severity takes 1 to 5 and needs --severity-reason saying why.");
            }

            Occurrence? when = null;
            if (parseResult.GetValue(occurred) is { } text && !TryParseOccurrence(text, out when))
            {
                return CurationOutcome.Refused($"--occurred: '{text}' is not a date (YYYY-MM-DD) or an ISO 8601 instant.");
            }

            Source? source = null;
            if (parseResult.GetValue(addSource) is [var sourceName, var sourceUrl])
            {
                if (!Uri.TryCreate(sourceUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                {
                    return CurationOutcome.Refused($"--add-source: '{sourceUrl}' is not an http(s) URL.");
                }

                source = new Source(sourceName, url, null);
            }

            var correction = new EventCorrection
            {
                Title = parseResult.GetValue(title),
                Summary = parseResult.GetValue(summary),
                Subtype = parseResult.GetValue(subtype),
                Occurred = when,
                Place = parseResult.GetValue(place),
                SeverityOverride = parseResult.GetValue(severity) is { } value ? new SeverityOverride((Severity)value, parseResult.GetValue(severityReason)!) : null,
                ClearSeverityOverride = parseResult.GetValue(clearSeverity),
                AddSource = source,
            };
            return await services.GetRequiredService<EventCurator>().CorrectAsync(eventId, correction, By(parseResult, curator), ct);
        }, cancellationToken));
        return command;
    }

    private static Command Merge(CliEnvironment environment)
    {
        var into = IdArgument("into", "The event that stays and takes the reports.");
        var reports = new Argument<string[]>("reports") { Description = "The reports to fold into it.", Arity = ArgumentArity.OneOrMore };
        var curator = CuratorOption();
        var command = new Command("merge", "Fold reports of one happening into one event (N reports · M sources); events split undoes it.") { into, reports, curator };
        command.SetAction((parseResult, cancellationToken) => ActAsync(environment, parseResult.GetValue(into)!, async (services, intoId, ct) =>
        {
            var ids = new List<EventId>();
            foreach (var text in parseResult.GetValue(reports) ?? [])
            {
                if (!EventId.TryParse(text, out var reportId))
                {
                    return CurationOutcome.Refused(NotAnId(text));
                }

                ids.Add(reportId);
            }

            return await services.GetRequiredService<EventCurator>().MergeAsync(intoId, ids, By(parseResult, curator), ct);
        }, cancellationToken));
        return command;
    }

    private static Command Split(CliEnvironment environment)
    {
        var survivor = IdArgument("event", "The event reports were merged into.");
        var report = new Argument<string>("report") { Description = "The report to take out (all of them when left out).", Arity = ArgumentArity.ZeroOrOne };
        var curator = CuratorOption();
        var command = new Command("split", "Undo a merge: the report gets its own status back and the event loses what it brought.") { survivor, report, curator };
        command.SetAction((parseResult, cancellationToken) => ActAsync(environment, parseResult.GetValue(survivor)!, async (services, survivorId, ct) =>
        {
            EventId? reportId = null;
            if (parseResult.GetValue(report) is { } text)
            {
                if (!EventId.TryParse(text, out var parsed))
                {
                    return CurationOutcome.Refused(NotAnId(text));
                }

                reportId = parsed;
            }

            return await services.GetRequiredService<EventCurator>().SplitAsync(survivorId, reportId, By(parseResult, curator), ct);
        }, cancellationToken));
        return command;
    }

    private static Task<int> ActAsync(CliEnvironment environment, string idText, Func<IServiceProvider, EventId, CancellationToken, Task<CurationOutcome>> act, CancellationToken cancellationToken)
    {
        if (!EventId.TryParse(idText, out var id))
        {
            environment.Error.WriteLine(NotAnId(idText));
            return Task.FromResult(ExitCodes.InvalidConfiguration);
        }

        return CliHost.WithServicesAsync(environment, async (services, ct) =>
        {
            var outcome = await act(services, id, ct);
            await (outcome.Succeeded ? environment.Output : environment.Error).WriteLineAsync(outcome.Message);
            return outcome.Succeeded ? ExitCodes.Success : ExitCodes.Failed;
        }, cancellationToken);
    }

    private static bool TryParseOccurrence(string text, out Occurrence? occurrence)
    {
        occurrence = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new Occurrence(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), TimePrecision.Day)
            : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
                ? new Occurrence(instant, TimePrecision.Exact)
                : null;
        return occurrence is not null;
    }

    internal static Argument<string> IdArgument(string name = "id", string description = "The event id, e.g. evt_gdelt_1101.") => new(name) { Description = description };

    private static Option<string> CuratorOption() => new("--curator")
    {
        Description = "Who is acting; recorded on the revision.",
        DefaultValueFactory = _ => Environment.UserName,
    };

    private static string By(ParseResult parseResult, Option<string> curator) => parseResult.GetValue(curator) is { Length: > 0 } name ? name : Environment.UserName;

    internal static string NotAnId(string? text) => $"'{text}' is not an event id: ids look like evt_laukkai_surrender_2024.";
}
