using BorderAlertBot.Abstractions;
using BorderAlertBot.Domain;
using BorderAlertBot.Storage;

namespace BorderAlertBot.Testing.Stores;

/// <summary>
/// An event store in memory with the SQLite store's rules: a batch is written all or nothing, revision 1 only for a new id,
/// revision N only on top of N-1, every revision kept, one change record per write. Thread-safe.
/// </summary>
public sealed class InMemoryEventStore(ChangeSignal? changeSignal = null) : IEventStore, IChangeFeed
{
    private readonly Lock _gate = new();
    private readonly Dictionary<EventId, List<ConflictEvent>> _revisions = [];
    private readonly Dictionary<EventId, string> _fingerprints = [];
    private readonly List<ChangeRecord> _changes = [];
    private int _writeCalls;

    /// <summary>Every change record written so far, in order.</summary>
    public IReadOnlyList<ChangeRecord> Changes
    {
        get
        {
            lock (_gate)
            {
                return [.. _changes];
            }
        }
    }

    /// <summary>Queries over the current revision of every event (kinds, statuses, severity and time; not regions or text).</summary>
    public InMemoryEventQueries Queries => new(() =>
    {
        lock (_gate)
        {
            return [.. _revisions.Values.Select(revisions => revisions[^1])];
        }
    });

    /// <summary>How many times <see cref="WriteAsync"/> was called, whether or not it wrote anything.</summary>
    public int WriteCalls
    {
        get
        {
            lock (_gate)
            {
                return _writeCalls;
            }
        }
    }

    public Task<ConflictEvent?> TryGetAsync(EventId id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_revisions.TryGetValue(id, out var revisions) ? revisions[^1] : null);
        }
    }

    public Task<IReadOnlyDictionary<EventId, StoredVersion>> GetVersionsAsync(IReadOnlyCollection<EventId> ids, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var versions = new Dictionary<EventId, StoredVersion>();
            foreach (var id in ids)
            {
                if (_revisions.TryGetValue(id, out var revisions))
                {
                    var current = revisions[^1];
                    versions[id] = new StoredVersion(current.Revision.Number, current.Status, _fingerprints[id]);
                }
            }

            return Task.FromResult<IReadOnlyDictionary<EventId, StoredVersion>>(versions);
        }
    }

    public Task<IReadOnlyDictionary<string, EventId>> FindByExternalIdsAsync(IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // As the SQLite store: the first event (by first revision written) to carry an external id keeps it.
            var found = new Dictionary<string, EventId>(StringComparer.Ordinal);
            foreach (var (id, revisions) in _revisions.OrderBy(pair => pair.Value[0].Revision.At).ThenBy(pair => pair.Key.Value, StringComparer.Ordinal))
            {
                foreach (var externalId in revisions.SelectMany(revision => revision.ExternalIds))
                {
                    if (externalIds.Contains(externalId))
                    {
                        found.TryAdd(externalId, id);
                    }
                }
            }

            return Task.FromResult<IReadOnlyDictionary<string, EventId>>(found);
        }
    }

    public Task<ConflictEvent?> TryGetRevisionAsync(EventId id, int revision, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var found = _revisions.TryGetValue(id, out var revisions)
                ? revisions.Find(conflictEvent => conflictEvent.Revision.Number == revision)
                : null;
            return Task.FromResult(found);
        }
    }

    public Task<IReadOnlyList<ConflictEvent>> GetRevisionsAsync(EventId id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<ConflictEvent> revisions = _revisions.TryGetValue(id, out var stored) ? [.. stored] : [];
            return Task.FromResult(revisions);
        }
    }

    public Task WriteAsync(IReadOnlyList<EventWrite> writes, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _writeCalls++;
            if (writes.Count == 0)
            {
                return Task.CompletedTask;
            }

            // Check the whole batch first, revision numbers as they would be after each earlier write in it.
            var heads = new Dictionary<EventId, int>();
            foreach (var write in writes)
            {
                var id = write.Event.Id;
                var revision = write.Event.Revision.Number;
                var head = heads.TryGetValue(id, out var staged) ? staged : _revisions.TryGetValue(id, out var stored) ? stored[^1].Revision.Number : 0;
                if (revision == 1 && head != 0)
                {
                    throw new ConcurrencyException($"{id} already exists, so it cannot be created as revision 1.");
                }

                if (revision != head + 1)
                {
                    throw new ConcurrencyException($"{id} is no longer at revision {revision - 1}; another writer moved it on.");
                }

                heads[id] = revision;
            }

            foreach (var write in writes)
            {
                var conflictEvent = write.Event;
                if (!_revisions.TryGetValue(conflictEvent.Id, out var revisions))
                {
                    _revisions[conflictEvent.Id] = revisions = [];
                }

                revisions.Add(conflictEvent);
                _fingerprints[conflictEvent.Id] = write.Fingerprint;
                var kind = conflictEvent.Revision.Number == 1 ? ChangeKind.Created : ChangeKind.Revised;
                _changes.Add(new ChangeRecord(_changes.Count + 1, conflictEvent.Id, conflictEvent.Revision.Number, kind, conflictEvent.Status, conflictEvent.Revision.At));
            }
        }

        changeSignal?.Notify();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ChangeRecord>> ReadAsync(long afterSequence, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<ChangeRecord> page = [.. _changes.Where(change => change.Sequence > afterSequence).Take(max)];
            return Task.FromResult(page);
        }
    }

    public Task<long> GetHeadAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_changes.Count == 0 ? 0L : _changes[^1].Sequence);
        }
    }
}
