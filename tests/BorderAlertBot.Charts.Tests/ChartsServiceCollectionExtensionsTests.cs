using BorderAlertBot.Abstractions;
using BorderAlertBot.Domain;
using BorderAlertBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlertBot.Charts.Tests;

public sealed class ChartsServiceCollectionExtensionsTests
{
    [Fact]
    public void The_chart_renderer_is_one_caching_events_per_day_chart_for_every_caller()
    {
        // Arrange
        var services = new ServiceCollection();

        // Act
        services.AddBorderAlertBotCharts();
        using var provider = services.BuildServiceProvider();

        // Assert
        var registration = Assert.Single(services, service => service.ServiceType == typeof(IChartRenderer));
        Assert.Equal(ServiceLifetime.Singleton, registration.Lifetime);
        var renderer = Assert.IsType<CachingChartRenderer>(provider.GetRequiredService<IChartRenderer>());
        Assert.Same(renderer, provider.GetRequiredService<IChartRenderer>());
        var day = new DateOnly(2024, 1, 5);
        var chart = renderer.RenderEventsPerDay([new DailyCount(day, EventKind.BorderClash, 3)], day, day, "One day");
        Assert.Equal((EventsPerDayChart.Width, EventsPerDayChart.Height), (chart.Width, chart.Height));
        Assert.Equal(new PngHeader(EventsPerDayChart.Width, EventsPerDayChart.Height), PngHeader.Read(chart.Png));
    }
}
