using BorderAlertBot.Answers;
using BorderAlertBot.Configuration;
using BorderAlertBot.Delivery;
using BorderAlertBot.Health;
using BorderAlertBot.Security;
using BorderAlertBot.Slack.Admins;
using BorderAlertBot.Slack.Delivery;
using BorderAlertBot.Slack.Health;
using BorderAlertBot.Slack.Inbound;
using BorderAlertBot.Slack.Rest;
using BorderAlertBot.Slack.Signing;
using BorderAlertBot.Slack.SocketMode;
using BorderAlertBot.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Slack from the "Slack" section: the Web API client with its rate limiter and auth state, the endpoint groups, the
    /// senders for Slack channels and incoming webhooks (as <see cref="IAlertSender"/>s), and the admin check.
    /// </summary>
    public static IServiceCollection AddBorderAlertBotSlack(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSectionOptions<SlackOptions>(configuration, SlackOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BorderAlertBotMetrics>();
        services.TryAddSingleton<SignatureReplays>();

        // No request logging: the factory's handlers would log every URL, and an incoming webhook's URL is its secret.
        services.AddHttpClient(SlackApiClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15)).RemoveAllLoggers();
        services.AddSingleton<SlackRateLimiter>();
        services.AddSingleton<SlackAuthState>();
        services.AddSingleton<SlackApiClient>();
        services.AddSingleton<SlackChatApi>();
        services.AddSingleton<SlackFilesApi>();
        services.AddSingleton<SlackUsersApi>();
        services.AddSingleton<SlackAuthApi>();
        services.AddSingleton<ICredentialCheck, SlackCredentialCheck>();
        services.AddSingleton<SlackChannelSender>();
        services.AddSingleton<IAlertSender>(provider => provider.GetRequiredService<SlackChannelSender>());
        services.AddSingleton<SlackWebhookSender>();
        services.AddSingleton<IAlertSender>(provider => provider.GetRequiredService<SlackWebhookSender>());
        services.AddSingleton<SlackAdmins>();

        // Commands and buttons: HTTP mode's signed Request URLs and Socket Mode share one handler.
        services.TryAddSingleton<DeferredAnswers>();
        services.AddHttpClient(SlackResponseUrl.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15)).RemoveAllLoggers();
        services.AddHttpClient(SocketModeConnections.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15)).RemoveAllLoggers();
        services.AddSingleton<SlackResponseUrl>();
        services.AddSingleton<SlackCallerPermissions>();
        services.AddSingleton<SlackInboundHandler>();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<SlackOptions>>().Value;
            return new SlackSignature(options.SigningSecret, provider.GetRequiredService<TimeProvider>(), options.SignatureMaxAge);
        });
        services.AddSingleton<SlackHttpRequests>();
        services.AddSingleton<SocketModeConnections>();
        services.AddSingleton<SlackSocketMode>();
        return services;
    }
}
