using System.Runtime.CompilerServices;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Domain;
using BorderAlertBot.Storage;

namespace BorderAlertBot.Testing.Stores;

/// <summary>
/// <see cref="IEventQueries.LatestAsync"/>, <see cref="IEventQueries.StreamAsync"/> and <see cref="IEventQueries.TopBySeverityAsync"/>
/// over a list (or the current events of an <see cref="InMemoryEventStore"/>), honouring the filter's kinds, statuses,
/// minimum severity and [From, To) as the stores do (not regions), and recording each latest call. The crossings board, the
/// digest composer and the merger use nothing else.
/// </summary>
public sealed class InMemoryEventQueries(Func<IReadOnlyList<ConflictEvent>> source) : IEventQueries
{
    public InMemoryEventQueries(params ConflictEvent[] events)
        : this(() => events)
    {
    }

    public List<(EventFilter Filter, int Limit)> Calls { get; } = [];

    public Task<IReadOnlyList<ConflictEvent>> LatestAsync(EventFilter filter, int limit, CancellationToken cancellationToken)
    {
        Calls.Add((filter, limit));
        IReadOnlyList<ConflictEvent> found = Filtered(filter)
            .OrderByDescending(e => e.Occurred.At)
            .Take(limit)
            .ToList();
        return Task.FromResult(found);
    }

    public async IAsyncEnumerable<ConflictEvent> StreamAsync(EventFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var conflictEvent in Filtered(filter).OrderBy(e => e.Occurred.At).ThenBy(e => e.Id.Value, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return conflictEvent;
        }

        await Task.CompletedTask;
    }

    public Task<IReadOnlyList<ConflictEvent>> TopBySeverityAsync(EventFilter filter, int limit, CancellationToken cancellationToken)
    {
        IReadOnlyList<ConflictEvent> found = Filtered(filter)
            .OrderByDescending(e => e.Severity.Effective)
            .ThenByDescending(e => e.Occurred.At)
            .ThenBy(e => e.Id.Value, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<DailyCount>> CountByKindAndDayAsync(EventFilter filter, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The crossings board does not count by day.");

    public Task<IReadOnlyList<ConflictEvent>> SearchAsync(string text, EventFilter filter, int limit, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The crossings board does not search.");

    public Task<long> CountAsync(CancellationToken cancellationToken) => Task.FromResult((long)source().Count);

    private IEnumerable<ConflictEvent> Filtered(EventFilter filter) => source()
        .Where(e => filter.Kinds is null || filter.Kinds.Contains(e.Kind))
        .Where(e => filter.Statuses is null || filter.Statuses.Contains(e.Status))
        .Where(e => filter.MinSeverity is not { } min || e.Severity.Effective >= min)
        .Where(e => (filter.From is not { } from || e.Occurred.At >= from) && (filter.To is not { } to || e.Occurred.At < to));
}
