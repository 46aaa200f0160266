using static BorderAlertBot.Discord.Rest.DiscordRestClient;

namespace BorderAlertBot.Discord.Rest;

/// <summary>The bot's own user (<c>GET /users/@me</c>, platforms/discord.md §0): the cheapest call that proves the token works.</summary>
public sealed class DiscordUsersApi(DiscordRestClient client)
{
    public Task<DiscordResponse> GetCurrentUserAsync(CancellationToken cancellationToken) =>
        client.SendAsync(new DiscordRoute(HttpMethod.Get, "GET /users/@me", "@me", Invariant($"/users/@me")), () => null, cancellationToken);
}
