using BorderAlertBot.Sources;

namespace BorderAlertBot.Abstractions;

/// <summary>Each source's cursor and health, kept across restarts (and shared by every instance).</summary>
public interface ISourceStateStore
{
    /// <summary>The stored state, or null for a source never polled.</summary>
    Task<SourceState?> TryGetAsync(string name, CancellationToken cancellationToken);

    /// <summary>Stores the state, replacing any stored under the same name.</summary>
    Task SaveAsync(SourceState state, CancellationToken cancellationToken);

    /// <summary>Every stored state, by name.</summary>
    Task<IReadOnlyList<SourceState>> ListAsync(CancellationToken cancellationToken);
}
