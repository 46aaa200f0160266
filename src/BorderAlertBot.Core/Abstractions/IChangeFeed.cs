using BorderAlertBot.Storage;

namespace BorderAlertBot.Abstractions;

/// <summary>Every write to the store, in commit order, numbered by a monotonically increasing sequence.</summary>
public interface IChangeFeed
{
    /// <summary>Up to <paramref name="max"/> changes with a sequence greater than <paramref name="afterSequence"/>, in order.</summary>
    Task<IReadOnlyList<ChangeRecord>> ReadAsync(long afterSequence, int max, CancellationToken cancellationToken);

    /// <summary>The sequence of the latest change, or 0 when there is none.</summary>
    Task<long> GetHeadAsync(CancellationToken cancellationToken);
}
