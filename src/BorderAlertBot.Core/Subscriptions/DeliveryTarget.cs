namespace BorderAlertBot.Subscriptions;

/// <summary>
/// Where alerts go: a console, a Discord or Slack channel, or a webhook. A webhook URL is a secret (anyone holding it can
/// post), so <see cref="ToString"/> never shows it; <see cref="Address"/> is for the sender alone.
/// </summary>
public sealed record DeliveryTarget(TargetKind Kind, string Address)
{
    public static DeliveryTarget Console(string name = "default") => new(TargetKind.Console, name);

    /// <summary>"console:default", "discord-channel:123", "slack-webhook:…/XXXX" — safe to log and show.</summary>
    public string Display => Kind switch
    {
        TargetKind.DiscordWebhook or TargetKind.SlackWebhook => $"{Prefix(Kind)}:…/{Tail(Address)}",
        _ => $"{Prefix(Kind)}:{Address}",
    };

    /// <summary>The key that identifies the destination, for outbox rows and fairness; a hash for webhooks.</summary>
    public string Key => Kind is TargetKind.DiscordWebhook or TargetKind.SlackWebhook
        ? $"{Prefix(Kind)}:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Address)))[..16]}"
        : $"{Prefix(Kind)}:{Address}";

    public static bool TryParse(string text, out DeliveryTarget? target, out string? error)
    {
        target = null;
        error = null;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon < 0 ? text : text[..colon];
        var address = colon < 0 ? string.Empty : text[(colon + 1)..];
        TargetKind? kind = prefix.ToLowerInvariant() switch
        {
            "console" => TargetKind.Console,
            "discord-channel" => TargetKind.DiscordChannel,
            "discord-webhook" => TargetKind.DiscordWebhook,
            "slack-channel" => TargetKind.SlackChannel,
            "slack-webhook" => TargetKind.SlackWebhook,
            _ => null,
        };
        if (kind is null)
        {
            error = "a target is console[:name], discord-channel:ID, discord-webhook:URL, slack-channel:ID or slack-webhook:URL";
            return false;
        }

        if (kind == TargetKind.Console && address.Length == 0)
        {
            address = "default";
        }

        if (address.Length == 0)
        {
            error = $"{prefix} needs an address after the colon";
            return false;
        }

        if (kind is TargetKind.DiscordWebhook or TargetKind.SlackWebhook
            && (!Uri.TryCreate(address, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps))
        {
            error = $"{prefix} needs an https URL";
            return false;
        }

        target = new DeliveryTarget(kind.Value, address);
        return true;
    }

    public override string ToString() => Display;

    private static string Prefix(TargetKind kind) => kind switch
    {
        TargetKind.Console => "console",
        TargetKind.DiscordChannel => "discord-channel",
        TargetKind.DiscordWebhook => "discord-webhook",
        TargetKind.SlackChannel => "slack-channel",
        _ => "slack-webhook",
    };

    private static string Tail(string address) => address.Length <= 4 ? "****" : address[^4..];
}
