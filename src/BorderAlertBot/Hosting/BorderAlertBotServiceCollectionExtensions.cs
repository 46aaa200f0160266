using BorderAlertBot.Alerting;
using BorderAlertBot.Configuration;
using BorderAlertBot.Curation;
using BorderAlertBot.Store.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BorderAlertBot.Hosting;

public static class BorderAlertBotServiceCollectionExtensions
{
    /// <summary>What both the bot and the CLI verbs need: options, the store, the importer, the clock.</summary>
    public static IServiceCollection AddBorderAlertBotServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSectionOptions<StoreOptions>(configuration, StoreOptions.SectionName);
        services.AddSectionOptions<SampleOptions>(configuration, SampleOptions.SectionName);
        services.AddSectionOptions<ConsoleAlertsOptions>(configuration, ConsoleAlertsOptions.SectionName);
        services.AddSectionOptions<HttpOptions>(configuration, HttpOptions.SectionName);

        // Only SQLite exists so far; StoreOptions validation stops the start for any other provider.
        services.AddSqliteStore(configuration);
        services.AddSingleton<EventImporter>();
        services.TryAddSingleton(_ => new ConsoleAlertSender(Console.Out));
        return services;
    }
}
