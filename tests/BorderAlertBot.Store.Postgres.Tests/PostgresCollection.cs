namespace BorderAlertBot.Store.Postgres.Tests;

/// <summary>Every PostgreSQL test shares one server (<see cref="PostgresFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
