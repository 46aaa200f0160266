using System.Net;
using BorderAlertBot.Delivery;
using BorderAlertBot.Discord.Rest;

namespace BorderAlertBot.Discord.Delivery;

/// <summary>
/// Discord's answer as a delivery result, by the fact sheet's table (platforms/discord.md §5): the channel is gone or
/// out of reach → pause the subscription with the reason; a rate limit, a 5xx or a held-back call → try again (safe: the
/// nonce stops a double post), or a 404 without a Discord code (a wrong base URL, not a missing channel); the bot token refused → try later, with every Discord call stopped meanwhile; anything
/// else Discord refuses is a bug in our payload → give that message up and keep going.
/// </summary>
public static class DiscordOutcome
{
    /// <summary>Codes that mean the channel, thread, guild or webhook can never take our messages as things stand.</summary>
    private static readonly HashSet<int> ChannelCodes =
    [
        10003, // Unknown Channel
        10004, // Unknown Guild
        10015, // Unknown Webhook
        50001, // Missing Access
        50013, // Missing Permissions
        50027, // Invalid Webhook Token
        50008, // Cannot send messages in a non-text channel
        50024, // Cannot execute action on this channel type
        50083, // Thread is archived
        160005, // Thread is locked
    ];

    /// <summary>Retries after a 5xx when Discord said nothing about when.</summary>
    public static TimeSpan ServerErrorRetry { get; } = TimeSpan.FromSeconds(5);

    public static DeliveryResult Of(DiscordResponse response, Func<DiscordResponse, string> messageRefOf)
    {
        if (response.IsSuccess)
        {
            return new DeliveryResult.Delivered(messageRefOf(response));
        }

        if (response.WasHeldBack)
        {
            return new DeliveryResult.RetryAfter(response.RetryAfter ?? DiscordAuthState.RetryAfter, response.Describe());
        }

        if (response.Status == HttpStatusCode.TooManyRequests)
        {
            var wait = response.IsBan ? DiscordRateLimiter.BanCoolDown : response.RetryAfter ?? TimeSpan.FromSeconds(1);
            return new DeliveryResult.RetryAfter(wait, response.IsBan ? "429 without rate-limit headers (an IP ban)" : response.Describe());
        }

        if (response.Code == 40333)
        {
            return new DeliveryResult.Undeliverable($"{response.Describe()}: Discord's network refused our User-Agent");
        }

        if (response.Code is { } code && ChannelCodes.Contains(code))
        {
            return new DeliveryResult.Rejected($"Discord {response.Describe()}");
        }

        if (response.Status == HttpStatusCode.Unauthorized || response.Code is 40001 or 50014)
        {
            return new DeliveryResult.RetryAfter(DiscordAuthState.RetryAfter, $"Discord rejected the bot token ({response.Describe()}); Discord traffic is stopped");
        }

        if (response.Status == HttpStatusCode.NotFound && response.Code is null or 0)
        {
            // Discord names what is unknown (10003 Unknown Channel…); a bare 404 is a route that does not exist — a wrong
            // Discord:ApiBaseUrl or a proxy in the way — and says nothing about the channel, so no subscription is paused.
            return new DeliveryResult.RetryAfter(ServerErrorRetry, $"{response.Describe()}: no such Discord route (is Discord:ApiBaseUrl right?)");
        }

        if ((int)response.Status >= 500)
        {
            return new DeliveryResult.RetryAfter(response.RetryAfter ?? ServerErrorRetry, response.Describe());
        }

        if (response.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            return new DeliveryResult.Rejected($"Discord {response.Describe()}");
        }

        return new DeliveryResult.Undeliverable(response.Errors is { } errors ? $"{response.Describe()} {errors}" : response.Describe());
    }

    /// <summary>The <c>id</c> of the message object Discord answered with.</summary>
    public static string MessageId(DiscordResponse response) =>
        response.Json is { } json && json.TryGetProperty("id", out var id) && id.GetString() is { } value ? value : string.Empty;
}
