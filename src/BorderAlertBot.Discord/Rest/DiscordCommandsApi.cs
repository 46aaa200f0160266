using BorderAlertBot.Discord.Registration;
using BorderAlertBot.Discord.Wire;
using static BorderAlertBot.Discord.Rest.DiscordRestClient;

namespace BorderAlertBot.Discord.Rest;

/// <summary>Command registration (platforms/discord.md §2): a bulk overwrite, idempotent, globally or for one guild.</summary>
public sealed class DiscordCommandsApi(DiscordRestClient client)
{
    public Task<DiscordResponse> OverwriteAsync(string applicationId, string? guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken)
    {
        var path = guildId is null
            ? Invariant($"/applications/{Segment(applicationId)}/commands")
            : Invariant($"/applications/{Segment(applicationId)}/guilds/{Segment(guildId)}/commands");
        var template = guildId is null ? "PUT /applications/{application}/commands" : "PUT /applications/{application}/guilds/{guild}/commands";
        return client.SendAsync(
            new DiscordRoute(HttpMethod.Put, template, applicationId, path),
            () => MessageContent.Json(commands, ApplicationCommandJsonContext.Default.IReadOnlyListApplicationCommand),
            cancellationToken);
    }
}
