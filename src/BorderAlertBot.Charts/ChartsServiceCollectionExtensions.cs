using BorderAlertBot.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlertBot.Charts;

public static class ChartsServiceCollectionExtensions
{
    /// <summary>The PNG chart renderer behind <see cref="IChartRenderer"/>, drawing each distinct chart once; one instance serves every caller.</summary>
    public static IServiceCollection AddBorderAlertBotCharts(this IServiceCollection services)
    {
        services.AddSingleton<EventsPerDayChart>();
        services.AddSingleton<IChartRenderer>(provider => new CachingChartRenderer(provider.GetRequiredService<EventsPerDayChart>()));
        return services;
    }
}
