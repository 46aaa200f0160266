namespace BorderAlertBot.Abstractions;

/// <summary>Durable positions in the change feed, one per named reader, so a reader resumes where it stopped.</summary>
public interface ICursorStore
{
    /// <summary>The stored position, or 0 when the reader has never saved one.</summary>
    Task<long> GetAsync(string name, CancellationToken cancellationToken);

    Task SetAsync(string name, long position, CancellationToken cancellationToken);
}
