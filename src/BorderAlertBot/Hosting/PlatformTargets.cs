using BorderAlertBot.Discord.Rest;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Hosting;

/// <summary>What the platform projects know about their addresses, checked when a target is made rather than when it is first sent to.</summary>
public static class PlatformTargets
{
    /// <summary>Why the platform could never deliver to <paramref name="target"/>, or null; never echoes a webhook URL.</summary>
    public static string? Problem(DeliveryTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Kind switch
        {
            TargetKind.DiscordWebhook when !DiscordWebhook.TryParse(target.Address, out _) =>
                "discord-webhook needs a Discord webhook URL, https://discord.com/api/webhooks/ID/TOKEN (Channel settings → Integrations → Webhooks → Copy URL)",
            TargetKind.DiscordChannel when !ulong.TryParse(target.Address, out _) =>
                "discord-channel needs a channel id, a number such as 1200000000000000009 (Developer Mode → right-click the channel → Copy Channel ID)",
            _ => null,
        };
    }
}
