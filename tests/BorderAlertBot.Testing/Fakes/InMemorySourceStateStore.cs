using System.Collections.Concurrent;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Sources;

namespace BorderAlertBot.Testing.Fakes;

/// <summary>Source state in memory, for tests of the runner and of sources.</summary>
public sealed class InMemorySourceStateStore : ISourceStateStore
{
    private readonly ConcurrentDictionary<string, SourceState> _states = new(StringComparer.Ordinal);

    public Task<SourceState?> TryGetAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(_states.TryGetValue(name, out var state) ? state : null);

    public Task SaveAsync(SourceState state, CancellationToken cancellationToken)
    {
        _states[state.Name] = state;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SourceState>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SourceState>>([.. _states.Values.OrderBy(state => state.Name, StringComparer.Ordinal)]);
}
