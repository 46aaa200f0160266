using BorderAlertBot.Abstractions;
using BorderAlertBot.Configuration;
using BorderAlertBot.Delivery;
using BorderAlertBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace BorderAlertBot.Store.Postgres;

public static class PostgresStoreServiceCollectionExtensions
{
    /// <summary>
    /// The PostgreSQL store behind every store port, configured from the "Store" section (Store:ConnectionString), and the
    /// listener that wakes this instance's watcher and dispatcher when another instance commits.
    /// </summary>
    public static IServiceCollection AddPostgresStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSectionOptions<PostgresStoreOptions>(configuration, PostgresStoreOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ChangeSignal>();
        services.TryAddSingleton<OutboxSignal>();
        services.AddSingleton<PostgresDatabase>();
        services.AddSingleton<IEventStore, PostgresEventStore>();
        services.AddSingleton<IEventQueries, PostgresEventQueries>();
        services.AddSingleton<PostgresChangeFeed>();
        services.AddSingleton<IChangeFeed>(provider => provider.GetRequiredService<PostgresChangeFeed>());
        services.AddSingleton<ICursorStore>(provider => provider.GetRequiredService<PostgresChangeFeed>());
        services.AddSingleton<ISubscriptionStore, PostgresSubscriptionStore>();
        services.AddSingleton<IOutboxStore, PostgresOutboxStore>();
        services.AddSingleton<IDeliveryLog, PostgresDeliveryLog>();
        services.AddSingleton<ILeaseStore, PostgresLeaseStore>();
        services.AddSingleton<ISourceStateStore, PostgresSourceStateStore>();
        services.AddSingleton<IStoreInitializer>(provider => new PostgresStoreInitializer(provider.GetRequiredService<PostgresDatabase>()));
        services.AddSingleton<PostgresNotificationListener>();
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<PostgresNotificationListener>());
        return services;
    }

    private sealed class PostgresStoreInitializer(PostgresDatabase database) : IStoreInitializer
    {
        public Task InitializeAsync(CancellationToken cancellationToken) => database.EnsureMigratedAsync(cancellationToken);
    }
}
