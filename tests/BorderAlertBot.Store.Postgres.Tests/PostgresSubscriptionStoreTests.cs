using BorderAlertBot.Testing.Contracts;

namespace BorderAlertBot.Store.Postgres.Tests;

/// <inheritdoc cref="PostgresEventStoreTests"/>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSubscriptionStoreTests(PostgresFixture fixture) : SubscriptionStoreContract
{
    protected override Task<StoreUnderTest> CreateStoreAsync() => fixture.NewStoreAsync();
}
