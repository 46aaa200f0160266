using System.Net;
using BorderAlertBot.Delivery;
using BorderAlertBot.Endpoints;
using BorderAlertBot.Health;
using BorderAlertBot.Workers;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Hosting;

public static class BorderAlertBotBuilder
{
    /// <summary>Composes the running bot: services, the start-up work, the workers, telemetry and the HTTP listener.</summary>
    public static WebApplicationBuilder AddBorderAlertBot(this WebApplicationBuilder builder)
    {
        builder.Configuration.AddBorderAlertBotSources(builder.Environment, []);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddBorderAlertBotServices(builder.Configuration);
        builder.Services.AddBorderAlertBotTelemetry();
        builder.Services.AddSingleton<Readiness>();
        builder.Services.AddSingleton<VerificationFailures>();
        builder.Services.AddHostedService<StoreStartup>();
        builder.Services.AddHostedService<ClusterPresenceWorker>();
        builder.Services.AddHostedService<CredentialCheckWorker>();
        builder.Services.AddHostedService<AlertWatcherWorker>();
        builder.Services.AddHostedService<DispatcherWorker>();
        builder.Services.AddHostedService<DigestSchedulerWorker>();
        builder.Services.AddHostedService<DeferredAnswersWorker>();
        builder.Services.AddHostedService<SampleReplayWorker>();
        builder.Services.AddHostedService<SlackSocketModeWorker>();
        builder.Services.AddHostedService<SourcePollingWorker>();
        builder.Services.AddHostedService<DropFolderWorker>();
        builder.Services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<HttpOptions>>((kestrel, http) => kestrel.Listen(IPAddress.Parse(http.Value.Address), http.Value.Port));

        // The host waits for the workers to stop: the dispatcher's grace for sends in flight, and a margin for the rest.
        builder.Services.AddOptions<HostOptions>()
            .Configure<IOptions<DeliveryOptions>>((host, delivery) => host.ShutdownTimeout = delivery.Value.ShutdownGrace + TimeSpan.FromSeconds(15));
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<HttpOptions>>((forwarded, http) =>
        {
            // Only the address the trusted proxy (loopback, or one configured) saw: the last entry it appended.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            forwarded.ForwardLimit = 1;
            foreach (var proxy in http.Value.TrustedProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        return builder;
    }

    public static WebApplication MapBorderAlertBot(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseBorderAlertBotTelemetry();
        app.MapHealthEndpoints();
        app.MapDiscordEndpoints();
        app.MapSlackEndpoints();
        return app;
    }
}
