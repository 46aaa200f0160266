using BorderAlertBot.Abstractions;
using BorderAlertBot.Domain;
using BorderAlertBot.Storage;

namespace BorderAlertBot.Core.Tests.Crossings;

/// <summary>
/// <see cref="IEventQueries.LatestAsync"/> over a list, honouring the filter's kinds, statuses and [From, To) as the stores
/// do, and recording each call. The crossings board uses nothing else.
/// </summary>
public sealed class InMemoryEventQueries(params ConflictEvent[] events) : IEventQueries
{
    public List<(EventFilter Filter, int Limit)> Calls { get; } = [];

    public Task<IReadOnlyList<ConflictEvent>> LatestAsync(EventFilter filter, int limit, CancellationToken cancellationToken)
    {
        Calls.Add((filter, limit));
        IReadOnlyList<ConflictEvent> found = events
            .Where(e => filter.Kinds is null || filter.Kinds.Contains(e.Kind))
            .Where(e => filter.Statuses is null || filter.Statuses.Contains(e.Status))
            .Where(e => (filter.From is not { } from || e.Occurred.At >= from) && (filter.To is not { } to || e.Occurred.At < to))
            .OrderByDescending(e => e.Occurred.At)
            .Take(limit)
            .ToList();
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<DailyCount>> CountByKindAndDayAsync(EventFilter filter, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The crossings board does not count by day.");

    public Task<IReadOnlyList<ConflictEvent>> SearchAsync(string text, EventFilter filter, int limit, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The crossings board does not search.");

    public Task<long> CountAsync(CancellationToken cancellationToken) => Task.FromResult((long)events.Length);
}
