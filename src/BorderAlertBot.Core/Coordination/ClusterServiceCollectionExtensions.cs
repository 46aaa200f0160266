using BorderAlertBot.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BorderAlertBot.Coordination;

public static class ClusterServiceCollectionExtensions
{
    /// <summary>
    /// What several instances on one store need to share their work (the "Cluster" section): who this instance is, the
    /// leases that run work once cluster-wide, and this instance's share of platform budgets. The store provides <c>ILeaseStore</c>.
    /// </summary>
    public static IServiceCollection AddBorderAlertBotCluster(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSectionOptions<ClusterOptions>(configuration, ClusterOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<InstanceIdentity>();
        services.TryAddSingleton<ClusterShare>();
        services.TryAddSingleton<ClusterLease>();
        services.TryAddSingleton<ClusterPresence>();
        return services;
    }
}
