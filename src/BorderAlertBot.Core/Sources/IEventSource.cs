using BorderAlertBot.Domain;

namespace BorderAlertBot.Sources;

/// <summary>
/// A network source the bot polls on a schedule (ACLED's API, GDELT's export, an RSS/Atom feed). A poll reads what is new
/// since the state's cursor and returns it without writing anything: <see cref="SourceRunner"/> imports the records, then
/// stores the new cursor, so a poll that fails half-way is simply repeated. Failures are thrown (the runner backs off
/// and, after repeated failures, disables the source with the reason); per-record problems are invalid records instead.
/// </summary>
public interface IEventSource
{
    /// <summary>A stable name: <c>acled</c>, <c>gdelt</c>, <c>rss:irrawaddy</c>. State and trust rules are keyed by it.</summary>
    string Name { get; }

    /// <summary>The status a new event from this source gets unless configuration says otherwise (data-sources.md: curated and ACLED verified; GDELT and RSS pending).</summary>
    EventStatus DefaultTrust { get; }

    /// <summary>Whether new events from this source are merged into a matching event already stored (reports of one happening).</summary>
    bool MergesReports { get; }

    /// <summary>How long after a successful poll the next one is due.</summary>
    TimeSpan Interval { get; }

    Task<SourcePoll> PollAsync(SourceState state, CancellationToken cancellationToken);
}
