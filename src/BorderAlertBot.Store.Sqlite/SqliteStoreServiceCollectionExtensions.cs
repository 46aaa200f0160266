using BorderAlertBot.Abstractions;
using BorderAlertBot.Configuration;
using BorderAlertBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BorderAlertBot.Store.Sqlite;

public static class SqliteStoreServiceCollectionExtensions
{
    /// <summary>The SQLite store behind every store port, configured from the "Store" section.</summary>
    public static IServiceCollection AddSqliteStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSectionOptions<SqliteStoreOptions>(configuration, SqliteStoreOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ChangeSignal>();
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<SqliteBackup>();
        services.AddSingleton<SqliteEventStore>();
        services.AddSingleton<IEventStore>(provider => provider.GetRequiredService<SqliteEventStore>());
        services.AddSingleton<IEventQueries, SqliteEventQueries>();
        services.AddSingleton<SqliteChangeFeed>();
        services.AddSingleton<IChangeFeed>(provider => provider.GetRequiredService<SqliteChangeFeed>());
        services.AddSingleton<ICursorStore>(provider => provider.GetRequiredService<SqliteChangeFeed>());
        services.TryAddSingleton<Delivery.OutboxSignal>();
        services.AddSingleton<ISubscriptionStore, SqliteSubscriptionStore>();
        services.AddSingleton<IOutboxStore, SqliteOutboxStore>();
        services.AddSingleton<IDeliveryLog, SqliteDeliveryLog>();
        services.AddSingleton<ISourceStateStore, SqliteSourceStateStore>();
        services.AddSingleton<ILeaseStore, SqliteLeaseStore>();
        services.AddSingleton<IStoreInitializer>(provider => new SqliteStoreInitializer(provider.GetRequiredService<SqliteDatabase>()));
        return services;
    }

    private sealed class SqliteStoreInitializer(SqliteDatabase database) : IStoreInitializer
    {
        public Task InitializeAsync(CancellationToken cancellationToken) => database.EnsureMigratedAsync(cancellationToken);
    }
}
