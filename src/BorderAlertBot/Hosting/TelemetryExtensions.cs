using BorderAlertBot.Abstractions;
using BorderAlertBot.Telemetry;
using OpenTelemetry.Metrics;

namespace BorderAlertBot.Hosting;

/// <summary>
/// OpenTelemetry for the bot's <see cref="BorderAlertBotMetrics"/> meter, exported for Prometheus at <see cref="MetricsPath"/>.
/// Each scrape measures the outbox first, so its gauges are never older than the scrape.
/// </summary>
public static class TelemetryExtensions
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddBorderAlertBotTelemetry(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(BorderAlertBotMetrics.MeterName)
            .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }

    public static WebApplication UseBorderAlertBotTelemetry(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.Equals(MetricsPath, StringComparison.Ordinal))
            {
                var services = context.RequestServices;
                var backlog = await services.GetRequiredService<IOutboxStore>().GetBacklogAsync(services.GetRequiredService<TimeProvider>().GetUtcNow(), context.RequestAborted);
                services.GetRequiredService<BorderAlertBotMetrics>().Measured(backlog);
            }

            await next(context);
        });
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }
}
