using BorderAlertBot.Answers;
using BorderAlertBot.Configuration;
using BorderAlertBot.Delivery;
using BorderAlertBot.Discord.Delivery;
using BorderAlertBot.Discord.Health;
using BorderAlertBot.Discord.Interactions;
using BorderAlertBot.Discord.Interactions.Signing;
using BorderAlertBot.Discord.Rest;
using BorderAlertBot.Health;
using BorderAlertBot.Security;
using BorderAlertBot.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// Discord from the "Discord" section: the REST client and its rate limiter, the senders for Discord channels (when a
    /// bot token is set) and webhooks, and the interactions handler (when a public key is set).
    /// </summary>
    public static IServiceCollection AddBorderAlertBotDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSectionOptions<DiscordOptions>(configuration, DiscordOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BorderAlertBotMetrics>();
        services.TryAddSingleton<SignatureReplays>();
        // No request logging: the factory's handlers would log every URL, and a webhook's URL carries its token.
        services.AddHttpClient(DiscordRestClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15)).RemoveAllLoggers();
        services.AddSingleton<DiscordRateLimiter>();
        services.AddSingleton<DiscordAuthState>();
        services.AddSingleton<DiscordRestClient>();
        services.AddSingleton<DiscordMessagesApi>();
        services.AddSingleton<DiscordWebhooksApi>();
        services.AddSingleton<DiscordCommandsApi>();
        services.AddSingleton<DiscordUsersApi>();
        services.AddSingleton<ICredentialCheck, DiscordCredentialCheck>();
        services.AddSingleton<DiscordWebhookSender>();
        services.AddSingleton<IAlertSender>(provider => provider.GetRequiredService<DiscordWebhookSender>());
        services.AddSingleton<DiscordChannelSender>();
        services.AddSingleton<IAlertSender>(provider => provider.GetRequiredService<DiscordChannelSender>());
        services.AddSingleton<DiscordAutocomplete>();
        services.TryAddSingleton<DeferredAnswers>();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<DiscordOptions>>().Value;
            return new InteractionSignature(options.PublicKey, provider.GetRequiredService<TimeProvider>(), options.SignatureMaxAge);
        });
        services.AddSingleton<DiscordInteractionHandler>();
        return services;
    }
}
