using Microsoft.Extensions.Configuration;
using BorderAlertBot.Ingestion.Files;
using Microsoft.Extensions.DependencyInjection;

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
        return services;
    }
}
