using BorderAlertBot.Configuration;
using BorderAlertBot.Geography;
using BorderAlertBot.Ingestion.Acled.Api;
using BorderAlertBot.Ingestion.DropFolder;
using BorderAlertBot.Ingestion.Feeds;
using BorderAlertBot.Ingestion.Files;
using BorderAlertBot.Ingestion.Gdelt;
using BorderAlertBot.Ingestion.Http;
using BorderAlertBot.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Ingestion;

public static class IngestionServiceCollectionExtensions
{
    /// <summary>
    /// The sources configured in the "Acled", "Gdelt", "Feeds" and "DropFolder" sections, each registered as an
    /// <see cref="Sources.IEventSource"/> that the host polls on its schedule.
    /// </summary>
    public static IServiceCollection AddBorderAlertBotIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<FileImporter>();
        services.AddAcled(configuration);
        services.AddGdelt(configuration);
        services.AddFeeds(configuration);
        services.AddSectionOptions<DropFolderOptions>(configuration, DropFolderOptions.SectionName);
        services.AddSingleton<DropFolderWatcher>();
        return services;
    }

    /// <summary>ACLED's API client and poller; the poller is a source only when <c>Acled:Enabled</c> is true.</summary>
    private static void AddAcled(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSectionOptions<AcledOptions>(configuration, AcledOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(AcledApi.HttpClientName)
            .ConfigureHttpClient((provider, client) => client.Timeout = provider.GetRequiredService<IOptions<AcledOptions>>().Value.RequestTimeout);
        services.AddSingleton<AcledTokens>();
        services.AddSingleton<AcledApi>();
        services.AddSingleton<AcledSource>();
        if (configuration.GetSection(AcledOptions.SectionName).GetValue<bool>(nameof(AcledOptions.Enabled)))
        {
            services.AddSingleton<IEventSource>(provider => provider.GetRequiredService<AcledSource>());
        }
    }

    private static void AddGdelt(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSectionOptions<GdeltOptions>(configuration, GdeltOptions.SectionName);
        services.AddHttpClient(GdeltSource.HttpClientName)
            .ConfigureHttpClient((provider, client) => SourceRequests.Configure(
                client, provider.GetRequiredService<IOptions<GdeltOptions>>().Value.Timeout, GdeltSource.MaxZipBytes));
        if (configuration.GetSection(GdeltOptions.SectionName).GetValue<bool>(nameof(GdeltOptions.Enabled)))
        {
            services.AddSingleton<GdeltSource>();
            services.AddSingleton<IEventSource>(provider => provider.GetRequiredService<GdeltSource>());
        }
    }

    private static void AddFeeds(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSectionOptions<FeedsOptions>(configuration, FeedsOptions.SectionName);
        services.AddHttpClient(FeedSource.HttpClientName)
            .ConfigureHttpClient((provider, client) => SourceRequests.Configure(
                client, provider.GetRequiredService<IOptions<FeedsOptions>>().Value.Timeout, FeedSource.MaxFeedBytes));
        services.TryAddSingleton(provider => new FeedItemClassifier(provider.GetService<Gazetteer>() ?? Gazetteer.Bundled));

        // One source per configured feed; the list is read here because each feed is a service of its own. Its values
        // are validated when the host starts, before any source is polled.
        var feeds = new FeedsOptions();
        configuration.GetSection(FeedsOptions.SectionName).Bind(feeds);
        foreach (var feed in feeds.Configured)
        {
            services.AddSingleton<IEventSource>(provider => new FeedSource(
                feed,
                provider.GetRequiredService<IHttpClientFactory>(),
                provider.GetRequiredService<IOptions<FeedsOptions>>(),
                provider.GetRequiredService<FeedItemClassifier>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<FeedSource>>()));
        }
    }
}
