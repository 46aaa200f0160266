using System.Net;
using BorderAlertBot.Discord.Rest;
using BorderAlertBot.Health;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Discord.Health;

/// <summary>
/// Whether Discord accepts <see cref="DiscordOptions.BotToken"/>: <c>GET /users/@me</c> through the REST client, so a
/// refusal also stops all Discord traffic (<see cref="DiscordAuthState"/>) and is logged once, loudly.
/// </summary>
public sealed class DiscordCredentialCheck(DiscordUsersApi users, DiscordAuthState auth, IOptions<DiscordOptions> options) : ICredentialCheck
{
    public string Platform => "discord";

    public bool IsConfigured => options.Value.IsEnabled;

    public async Task<CredentialVerdict> CheckAsync(CancellationToken cancellationToken)
    {
        var response = await users.GetCurrentUserAsync(cancellationToken);
        if (response.IsSuccess)
        {
            var name = response.Json is { } json && json.TryGetProperty("username", out var username) ? username.GetString() : null;
            return new CredentialVerdict.Accepted(name ?? "the bot");
        }

        return auth.IsStopped || response.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || response.Code is 40001 or 50014
            ? new CredentialVerdict.Refused(response.Describe())
            : new CredentialVerdict.Unreachable(response.Describe());
    }
}
