using BorderAlertBot.Slack;
using BorderAlertBot.Slack.SocketMode;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Workers;

/// <summary>Runs Slack's Socket Mode when an app-level token is configured (<c>Slack:AppToken</c>); otherwise does nothing.</summary>
public sealed class SlackSocketModeWorker(IOptions<SlackOptions> options, IServiceProvider services) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.UsesSocketMode ? services.GetRequiredService<SlackSocketMode>().RunAsync(stoppingToken) : Task.CompletedTask;
}
