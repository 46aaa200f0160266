using BorderAlertBot.Domain;
using BorderAlertBot.Storage;

namespace BorderAlertBot.Abstractions;

/// <summary>Read-only queries over the current state of events.</summary>
public interface IEventQueries
{
    /// <summary>The events that pass the filter, latest occurrence first.</summary>
    Task<IReadOnlyList<ConflictEvent>> LatestAsync(EventFilter filter, int limit, CancellationToken cancellationToken);

    /// <summary>How many events of each kind occurred on each UTC day of [from, to).</summary>
    Task<IReadOnlyList<DailyCount>> CountByKindAndDayAsync(EventFilter filter, CancellationToken cancellationToken);

    /// <summary>Full-text search over title, summary, place and actors; best match first.</summary>
    Task<IReadOnlyList<ConflictEvent>> SearchAsync(string text, EventFilter filter, int limit, CancellationToken cancellationToken);

    Task<long> CountAsync(CancellationToken cancellationToken);
}
