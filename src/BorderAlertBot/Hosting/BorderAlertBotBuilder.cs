using System.Net;
using BorderAlertBot.Endpoints;
using BorderAlertBot.Workers;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Hosting;

public static class BorderAlertBotBuilder
{
    /// <summary>Composes the running bot: services, the start-up work, the workers and the HTTP listener.</summary>
    public static WebApplicationBuilder AddBorderAlertBot(this WebApplicationBuilder builder)
    {
        builder.Configuration.AddBorderAlertBotSources(builder.Environment, []);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddBorderAlertBotServices(builder.Configuration);
        builder.Services.AddHostedService<StoreStartup>();
        builder.Services.AddHostedService<ClusterPresenceWorker>();
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
        return builder;
    }

    public static WebApplication MapBorderAlertBot(this WebApplication app)
    {
        app.MapHealthEndpoints();
        app.MapDiscordEndpoints();
        app.MapSlackEndpoints();
        return app;
    }
}
