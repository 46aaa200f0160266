using BorderAlertBot.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlertBot.Charts.Tests;

public sealed class ChartsServiceCollectionExtensionsTests
{
    [Fact]
    public void The_events_per_day_chart_is_registered_once_as_the_chart_renderer()
    {
        // Arrange
        var services = new ServiceCollection();

        // Act
        services.AddBorderAlertBotCharts();

        // Assert
        var registration = Assert.Single(services, service => service.ServiceType == typeof(IChartRenderer));
        Assert.Equal(typeof(EventsPerDayChart), registration.ImplementationType);
        Assert.Equal(ServiceLifetime.Singleton, registration.Lifetime);
    }
}
