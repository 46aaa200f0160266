using BorderAlertBot.Domain;
using BorderAlertBot.Storage;

namespace BorderAlertBot.Abstractions;

/// <summary>The curated event store: current state, revisions and writes. Every write appends to the change feed.</summary>
public interface IEventStore
{
    Task<ConflictEvent?> TryGetAsync(EventId id, CancellationToken cancellationToken);

    /// <summary>The current revision number and content fingerprint of each id that exists.</summary>
    Task<IReadOnlyDictionary<EventId, StoredVersion>> GetVersionsAsync(IReadOnlyCollection<EventId> ids, CancellationToken cancellationToken);

    /// <summary>
    /// The event each known external id (<c>acled:MMR22121</c>) belongs to; ids no event carries are left out. The first
    /// event to carry an external id keeps it.
    /// </summary>
    Task<IReadOnlyDictionary<string, EventId>> FindByExternalIdsAsync(IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken);

    Task<ConflictEvent?> TryGetRevisionAsync(EventId id, int revision, CancellationToken cancellationToken);

    /// <summary>Every revision of an event, oldest first.</summary>
    Task<IReadOnlyList<ConflictEvent>> GetRevisionsAsync(EventId id, CancellationToken cancellationToken);

    /// <summary>
    /// Writes new revisions in one transaction, all or nothing. Each write's revision number must be one more than the
    /// stored one (or 1 for a new event); otherwise nothing is written and <see cref="ConcurrencyException"/> is thrown.
    /// </summary>
    Task WriteAsync(IReadOnlyList<EventWrite> writes, CancellationToken cancellationToken);
}
