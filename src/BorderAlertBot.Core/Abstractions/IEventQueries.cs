using BorderAlertBot.Domain;
using BorderAlertBot.Storage;

namespace BorderAlertBot.Abstractions;

/// <summary>Read-only queries over the current state of events.</summary>
public interface IEventQueries
{
    /// <summary>The events that pass the filter, latest occurrence first.</summary>
    Task<IReadOnlyList<ConflictEvent>> LatestAsync(EventFilter filter, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Every event that passes the filter, oldest occurrence first, read as the caller consumes it, so a digest run over a
    /// month of events holds only what it keeps.
    /// </summary>
    IAsyncEnumerable<ConflictEvent> StreamAsync(EventFilter filter, CancellationToken cancellationToken);

    /// <summary>
    /// The most severe events that pass the filter: highest effective severity first, then latest occurrence first. These
    /// are the most severe of everything the filter passes, not the latest events sorted by severity.
    /// </summary>
    Task<IReadOnlyList<ConflictEvent>> TopBySeverityAsync(EventFilter filter, int limit, CancellationToken cancellationToken);

    /// <summary>How many events of each kind occurred on each UTC day of [from, to).</summary>
    Task<IReadOnlyList<DailyCount>> CountByKindAndDayAsync(EventFilter filter, CancellationToken cancellationToken);

    /// <summary>Full-text search over title, summary, place and actors; best match first.</summary>
    Task<IReadOnlyList<ConflictEvent>> SearchAsync(string text, EventFilter filter, int limit, CancellationToken cancellationToken);

    Task<long> CountAsync(CancellationToken cancellationToken);
}
