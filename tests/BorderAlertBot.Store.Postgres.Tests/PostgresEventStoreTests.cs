using BorderAlertBot.Testing.Contracts;

namespace BorderAlertBot.Store.Postgres.Tests;

/// <summary>The store contracts against PostgreSQL, a fresh database per store a test asks for.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresEventStoreTests(PostgresFixture fixture) : EventStoreContract
{
    protected override Task<StoreUnderTest> CreateStoreAsync() => fixture.NewStoreAsync();
}
