using BorderAlertBot.Discord.Wire;
using static BorderAlertBot.Discord.Rest.DiscordRestClient;

namespace BorderAlertBot.Discord.Rest;

/// <summary>Channel messages and threads (platforms/discord.md §3): the calls the bot's channel sender makes.</summary>
public sealed class DiscordMessagesApi(DiscordRestClient client)
{
    public Task<DiscordResponse> CreateAsync(string channelId, MessagePayload payload, IReadOnlyList<DiscordFile> files, CancellationToken cancellationToken) =>
        client.SendAsync(
            new DiscordRoute(HttpMethod.Post, "POST /channels/{channel}/messages", channelId, Invariant($"/channels/{Segment(channelId)}/messages")),
            () => MessageContent.Create(payload, files),
            cancellationToken);

    public Task<DiscordResponse> EditAsync(string channelId, string messageId, MessagePayload payload, IReadOnlyList<DiscordFile> files, CancellationToken cancellationToken) =>
        client.SendAsync(
            new DiscordRoute(HttpMethod.Patch, "PATCH /channels/{channel}/messages/{message}", channelId,
                Invariant($"/channels/{Segment(channelId)}/messages/{Segment(messageId)}")),
            () => MessageContent.Create(payload with { Nonce = null, EnforceNonce = null, MessageReference = null }, files),
            cancellationToken);

    /// <summary>Starts a thread from a message; the thread's channel id is the message's id.</summary>
    public Task<DiscordResponse> StartThreadAsync(string channelId, string messageId, string name, CancellationToken cancellationToken) =>
        client.SendAsync(
            new DiscordRoute(HttpMethod.Post, "POST /channels/{channel}/messages/{message}/threads", channelId,
                Invariant($"/channels/{Segment(channelId)}/messages/{Segment(messageId)}/threads")),
            () => MessageContent.Json(new ThreadRequest(name), DiscordWireJsonContext.Default.ThreadRequest),
            cancellationToken);
}
