namespace BorderAlertBot.Abstractions;

/// <summary>Creates or migrates the store; run at start so a broken database fails the start, not the first request.</summary>
public interface IStoreInitializer
{
    Task InitializeAsync(CancellationToken cancellationToken);
}
