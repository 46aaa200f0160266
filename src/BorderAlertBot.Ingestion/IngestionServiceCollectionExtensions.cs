using BorderAlertBot.Configuration;
using BorderAlertBot.Ingestion.Acled.Api;
using BorderAlertBot.Ingestion.DropFolder;
using BorderAlertBot.Ingestion.Files;
using BorderAlertBot.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        services.AddSingleton<FileImporter>();
        services.AddAcled(configuration);
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
}
