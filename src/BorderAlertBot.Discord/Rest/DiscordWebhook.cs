using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace BorderAlertBot.Discord.Rest;

/// <summary>
/// A channel webhook, from its URL (<c>https://discord.com/api/webhooks/{id}/{token}</c>). Only the id and token are
/// kept: calls go to <see cref="DiscordOptions.ApiBaseUrl"/>, so a proxy or the fake server serves them too. The token is
/// a secret and never shown.
/// </summary>
public sealed partial record DiscordWebhook(string Id, string Token)
{
    public static bool TryParse(string url, [NotNullWhen(true)] out DiscordWebhook? webhook)
    {
        var match = Pattern().Match(url);
        webhook = match.Success ? new DiscordWebhook(match.Groups["id"].Value, match.Groups["token"].Value) : null;
        return webhook is not null;
    }

    public override string ToString() => $"webhook {Id}";

    [GeneratedRegex(@"/webhooks/(?<id>[0-9]{15,21})/(?<token>[A-Za-z0-9_\-.]{10,200})/?(\?.*)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
