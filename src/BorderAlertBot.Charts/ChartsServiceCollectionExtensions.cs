using BorderAlertBot.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlertBot.Charts;

public static class ChartsServiceCollectionExtensions
{
    /// <summary>The PNG chart renderer behind <see cref="IChartRenderer"/>; stateless, so one instance serves every caller.</summary>
    public static IServiceCollection AddBorderAlertBotCharts(this IServiceCollection services)
    {
        services.AddSingleton<IChartRenderer, EventsPerDayChart>();
        return services;
    }
}
