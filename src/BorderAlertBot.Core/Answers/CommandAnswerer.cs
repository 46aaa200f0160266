using System.Globalization;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Alerting;
using BorderAlertBot.Commands;
using BorderAlertBot.Crossings;
using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using BorderAlertBot.Storage;
using BorderAlertBot.Telemetry;

namespace BorderAlertBot.Answers;

/// <summary>
/// Answers every <c>/border</c> subcommand, the same for Discord, Slack, the console and the CLI: the queries anyone may
/// run — <c>help</c>, <c>latest</c>, <c>summary</c>, <c>event</c>, <c>search</c>, <c>crossings</c> — from the store here, and
/// the channel's own subcommands through <see cref="ChannelCommandAnswerer"/>, once the caller's rights are checked.
/// </summary>
public sealed class CommandAnswerer(
    IEventStore events, IEventQueries queries, CrossingsBoard crossings, IChartRenderer charts, ChannelCommandAnswerer channels, CurationDesk curation, BorderAlertBotMetrics metrics, TimeProvider timeProvider)
{
    /// <summary>How many events a summary lists as its top events.</summary>
    public const int TopEvents = 5;

    public Task<Answer> AnswerAsync(BorderCommand command, CommandCaller caller, CancellationToken cancellationToken) =>
        AnswerAsync(command, caller, timeProvider.GetUtcNow(), cancellationToken);

    /// <summary>
    /// The answer as of <paramref name="now"/> (the CLI's <c>--at</c>): periods, boards and previews end there. Changes a
    /// command makes (a subscription, a mute) happen at the clock's now.
    /// </summary>
    public async Task<Answer> AnswerAsync(BorderCommand command, CommandCaller caller, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        try
        {
            return await AnswerUntimedAsync(command, caller, now, cancellationToken);
        }
        finally
        {
            metrics.CommandAnswered(BorderAlertBotMetrics.PlatformOf(caller.Channel.Kind), command.Name, timeProvider.GetElapsedTime(started));
        }
    }

    private async Task<Answer> AnswerUntimedAsync(BorderCommand command, CommandCaller caller, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (command.RequiresAdmin && !await caller.Permissions.CanManageChannelAsync(cancellationToken))
        {
            return Answer.Problem($"{command.Name}: only channel admins can change this channel's alerts, and that needs {caller.Permissions.Requirement}; /border subscriptions and /border why work for everyone");
        }

        return command switch
        {
            HelpCommand help => new Answer("/border help", [new AnswerBlock.Paragraph(CommandHelp.For(help))], IsPrivate: true),
            LatestCommand latest => await LatestAsync(latest, now, cancellationToken),
            SummaryCommand summary => await SummaryAsync(summary, now, cancellationToken),
            EventCommand shown => await EventAsync(shown, cancellationToken),
            SearchCommand search => await SearchAsync(search, now, cancellationToken),
            CrossingsCommand board => await CrossingsAsync(board, now, cancellationToken),
            CurateCommand curate => await curation.AnswerAsync(curate, caller, cancellationToken),
            _ => await channels.AnswerAsync(command, caller, now, cancellationToken),
        };
    }

    // "Latest" is as of the moment asked: nothing that occurred after it (the CLI's --at answers as the channel would have then).
    private async Task<Answer> LatestAsync(LatestCommand command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var filter = new EventFilter
        {
            Kinds = command.Kind is { } kind ? [kind] : null,
            Statuses = [EventStatus.Verified],
            Region = RegionQuery.FilterOf(command.Region),
            To = now.AddTicks(1),
        };
        var found = RegionQuery.Keep(command.Region, await queries.LatestAsync(filter, RegionQuery.LimitFor(command.Region, command.Limit), cancellationToken)).Take(command.Limit).ToList();
        var what = command.Kind is { } k ? AlertTextRenderer.Humanize(k).ToLowerInvariant() + " events" : "events";
        var where = command.Region is { } region ? $" in {region}" : string.Empty;
        return found.Count == 0
            ? new Answer($"Latest {what}{where}", [new AnswerBlock.Paragraph($"No verified {what}{where} yet.")])
            : new Answer($"Latest {what}{where}", [new AnswerBlock.EventList(null, found)]);
    }

    private async Task<Answer> SummaryAsync(SummaryCommand command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var from = now - command.Period;
        var previousFrom = from - command.Period;
        var region = RegionQuery.FilterOf(command.Region);
        var filter = new EventFilter { Statuses = [EventStatus.Verified], Region = region, From = from, To = now };
        var previousFilter = filter with { From = previousFrom, To = from };
        var (counts, top) = await CountAndTopAsync(command, filter, cancellationToken);
        var previous = await CountAsync(command, previousFilter, cancellationToken);
        var period = DescribePeriod(command.Period);
        var where = command.Region is { } r ? $" in {r}" : string.Empty;
        var facts = Enum.GetValues<EventKind>()
            .Select(kind => new Fact(AlertTextRenderer.Humanize(kind), Compare(Sum(counts, kind), Sum(previous, kind))))
            .ToList();
        var title = $"Summary of the last {period}{where}";
        var chart = charts.RenderEventsPerDay(counts, DateOnly.FromDateTime(from.UtcDateTime), DateOnly.FromDateTime(now.UtcDateTime), title);
        return new Answer(title,
        [
            new AnswerBlock.Facts(facts),
            top.Count == 0 ? new AnswerBlock.Paragraph("No verified events in this period.") : new AnswerBlock.EventList("Top events by severity", top),
        ], chart);
    }

    /// <summary>
    /// A period's counts by kind and day and its most severe events. For countries and borders both come from the store:
    /// the most severe of the whole period, not its latest events sorted by severity. For a place, both come from its
    /// events as the geography decides.
    /// </summary>
    private async Task<(IReadOnlyList<DailyCount> Counts, IReadOnlyList<ConflictEvent> Top)> CountAndTopAsync(
        SummaryCommand command, EventFilter filter, CancellationToken cancellationToken)
    {
        if (command.Region is not Region.Place place)
        {
            return (await queries.CountByKindAndDayAsync(filter, cancellationToken), await queries.TopBySeverityAsync(filter, TopEvents, cancellationToken));
        }

        var near = await NearAsync(place, filter, cancellationToken);
        var top = near
            .OrderByDescending(conflictEvent => conflictEvent.Severity.Effective)
            .ThenByDescending(conflictEvent => conflictEvent.Occurred.At)
            .Take(TopEvents)
            .ToList();
        return (CountByDay(near), top);
    }

    /// <summary>Counts by kind and day: by the store for countries and borders; for a place, from its events as the geography decides.</summary>
    private async Task<IReadOnlyList<DailyCount>> CountAsync(SummaryCommand command, EventFilter filter, CancellationToken cancellationToken) =>
        command.Region is Region.Place place
            ? CountByDay(await NearAsync(place, filter, cancellationToken))
            : await queries.CountByKindAndDayAsync(filter, cancellationToken);

    private async Task<List<ConflictEvent>> NearAsync(Region.Place place, EventFilter filter, CancellationToken cancellationToken) =>
        [.. (await queries.LatestAsync(filter, RegionQuery.PlaceSummaryLimit, cancellationToken)).Where(place.Contains)];

    private static List<DailyCount> CountByDay(IEnumerable<ConflictEvent> events) =>
    [
        .. events
            .GroupBy(conflictEvent => (Day: DateOnly.FromDateTime(conflictEvent.Occurred.At.UtcDateTime), conflictEvent.Kind))
            .Select(group => new DailyCount(group.Key.Day, group.Key.Kind, group.Count())),
    ];

    private async Task<Answer> EventAsync(EventCommand command, CancellationToken cancellationToken)
    {
        var conflictEvent = await events.TryGetAsync(command.Id, cancellationToken);
        if (conflictEvent is null)
        {
            return Answer.Problem($"event: no event {command.Id}; /border search finds events by words");
        }

        var revisions = await events.GetRevisionsAsync(command.Id, cancellationToken);
        return new Answer(conflictEvent.Title, [new AnswerBlock.EventDetail(conflictEvent, revisions)]);
    }

    private async Task<Answer> SearchAsync(SearchCommand command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var filter = new EventFilter { Statuses = [EventStatus.Verified], From = command.Since is { } since ? now - since : null, To = now.AddTicks(1) };
        var found = await queries.SearchAsync(command.Text, filter, LatestCommand.DefaultLimit, cancellationToken);
        var title = $"Search: {command.Text}";
        return found.Count == 0
            ? new Answer(title, [new AnswerBlock.Paragraph("Nothing verified matches those words.")])
            : new Answer(title, [new AnswerBlock.EventList(null, found)]);
    }

    private async Task<Answer> CrossingsAsync(CrossingsCommand command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var board = await crossings.GetAsync(command.Region, now, cancellationToken);
        var where = command.Region is { } region ? $" in {region}" : string.Empty;
        if (board.Count == 0)
        {
            return new Answer($"Crossings{where}", [new AnswerBlock.Paragraph($"No border-trade crossing is known{where}.")]);
        }

        var facts = board.Select(state => new Fact(state.Crossing.Name, CrossingLine.Of(state).Describe())).ToList();
        return new Answer($"Crossings{where}", [new AnswerBlock.Facts(facts)]);
    }

    private static int Sum(IReadOnlyList<DailyCount> counts, EventKind kind) => counts.Where(count => count.Kind == kind).Sum(count => count.Count);

    private static string Compare(int now, int before) => before == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{now} (none the period before)")
        : string.Create(CultureInfo.InvariantCulture, $"{now} ({(now - before) * 100.0 / before:+0;-0;±0} % on the {before} the period before)");

    private static string DescribePeriod(TimeSpan period) =>
        period.TotalDays >= 1 && period.TotalDays == Math.Floor(period.TotalDays)
            ? string.Create(CultureInfo.InvariantCulture, $"{period.TotalDays:0} day{(period.TotalDays == 1 ? string.Empty : "s")}")
            : string.Create(CultureInfo.InvariantCulture, $"{period.TotalHours:0} hours");
}
