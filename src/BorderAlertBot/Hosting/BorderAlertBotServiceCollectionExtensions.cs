using BorderAlertBot.Alerting;
using BorderAlertBot.Answers;
using BorderAlertBot.Charts;
using BorderAlertBot.Commands;
using BorderAlertBot.Configuration;
using BorderAlertBot.Coordination;
using BorderAlertBot.Crossings;
using BorderAlertBot.Curation;
using BorderAlertBot.Delivery;
using BorderAlertBot.Digests;
using BorderAlertBot.Discord;
using BorderAlertBot.Geography;
using BorderAlertBot.Ingestion;
using BorderAlertBot.Matching;
using BorderAlertBot.Slack;
using BorderAlertBot.Sources;
using BorderAlertBot.Store.Postgres;
using BorderAlertBot.Store.Sqlite;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Hosting;

public static class BorderAlertBotServiceCollectionExtensions
{
    /// <summary>What both the bot and the CLI verbs need: options, the store, the importer, the clock.</summary>
    public static IServiceCollection AddBorderAlertBotServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BorderAlertBotMetrics>();
        services.AddSectionOptions<StoreOptions>(configuration, StoreOptions.SectionName);
        services.AddSectionOptions<SampleOptions>(configuration, SampleOptions.SectionName);
        services.AddSectionOptions<ConsoleAlertsOptions>(configuration, ConsoleAlertsOptions.SectionName);
        services.AddSectionOptions<HttpOptions>(configuration, HttpOptions.SectionName);

        // StoreOptions validation stops the start for a provider that is neither.
        if (StoreOptions.IsPostgres(configuration))
        {
            services.AddPostgresStore(configuration);
        }
        else
        {
            services.AddSqliteStore(configuration);
        }

        services.AddBorderAlertBotCluster(configuration);
        services.AddSectionOptions<DeliveryOptions>(configuration, DeliveryOptions.SectionName);
        services.AddSectionOptions<GeographyOptions>(configuration, GeographyOptions.SectionName);
        services.AddSingleton(Gazetteer.Bundled);
        services.AddSingleton(provider => new BorderLocator(
            provider.GetRequiredService<Gazetteer>(), BorderLines.Bundled, provider.GetRequiredService<IOptions<GeographyOptions>>().Value));
        services.AddSingleton<IEventEnricher, BorderEnrichment>();
        services.AddSectionOptions<CurationOptions>(configuration, CurationOptions.SectionName);
        services.AddSingleton<EventMerger>();
        services.AddSingleton<EventImporter>();
        services.AddSingleton<EventCurator>();
        services.AddSingleton<CurationDesk>();
        services.AddSectionOptions<SourcesOptions>(configuration, SourcesOptions.SectionName);
        services.AddSingleton<SourceRunner>();
        services.AddBorderAlertBotIngestion(configuration);
        services.AddSingleton<SubscriptionCatalog>();
        services.AddSingleton<CeasefireContext>();
        services.AddSingleton<AlertWatcher>();
        services.AddSingleton<AlertDispatcher>();
        services.AddSingleton<DeliveryExplainer>();
        services.AddSingleton<CommandParser>();
        services.AddSingleton<ConfiguredSubscriptionReader>();
        services.AddSingleton<ConfiguredSubscriptionSync>();
        services.AddOptions<ConfiguredSubscriptionsOptions>().Bind(configuration.GetSection(ConfiguredSubscriptionsOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ConfiguredSubscriptionsOptions>, ConfiguredSubscriptionsValidator>();
        services.AddSingleton<CrossingsBoard>();
        services.AddSingleton<HeldAlerts>();
        services.AddSingleton<ChannelCommandAnswerer>();
        services.AddSingleton<CommandAnswerer>();
        services.AddSectionOptions<DigestOptions>(configuration, DigestOptions.SectionName);
        services.AddSingleton<DigestComposer>();
        services.AddSingleton<DigestRenderer>();
        services.AddSingleton<DigestScheduler>();
        services.AddBorderAlertBotCharts();
        services.AddBorderAlertBotDiscord(configuration);
        services.AddBorderAlertBotSlack(configuration);
        services.TryAddSingleton(provider => new ConsoleAlertSender(Console.Out, provider.GetRequiredService<IOptions<ConsoleAlertsOptions>>().Value.ChartFolder));
        services.AddSingleton<IAlertSender>(provider => provider.GetRequiredService<ConsoleAlertSender>());
        return services;
    }
}
