namespace BorderAlertBot.Testing.Contracts;

/// <summary>
/// The root of the store contracts: what every store must do, whatever the database. A store's test class derives from a
/// contract and says how to make a fresh, empty store; the same tests then run against SQLite and PostgreSQL. The tests
/// are skippable only so a store whose server is missing can say so (<c>Skip</c> in <see cref="CreateStoreAsync"/>).
/// </summary>
public abstract class StoreContract
{
    /// <summary>The instant the contracts' writes happen at.</summary>
    protected static readonly DateTimeOffset Written = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A fresh, empty store.</summary>
    protected abstract Task<StoreUnderTest> CreateStoreAsync();
}
