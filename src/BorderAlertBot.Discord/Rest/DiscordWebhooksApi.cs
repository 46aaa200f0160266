using BorderAlertBot.Discord.Wire;
using static BorderAlertBot.Discord.Rest.DiscordRestClient;

namespace BorderAlertBot.Discord.Rest;

/// <summary>
/// Channel webhooks and interaction responses, which carry their own token in the path and need no bot token
/// (platforms/discord.md §1.4, §3). Executes always ask <c>wait=true</c>: without it a message that fails to save raises no error.
/// </summary>
public sealed class DiscordWebhooksApi(DiscordRestClient client)
{
    public Task<DiscordResponse> ExecuteAsync(DiscordWebhook webhook, MessagePayload payload, IReadOnlyList<DiscordFile> files, CancellationToken cancellationToken) =>
        client.SendAsync(
            new DiscordRoute(HttpMethod.Post, "POST /webhooks/{webhook}", webhook.Id, Invariant($"/webhooks/{Segment(webhook.Id)}/{Segment(webhook.Token)}?wait=true"), UsesBotToken: false),
            () => MessageContent.Create(payload with { Nonce = null, EnforceNonce = null }, files),
            cancellationToken);

    public Task<DiscordResponse> EditAsync(DiscordWebhook webhook, string messageId, MessagePayload payload, IReadOnlyList<DiscordFile> files, CancellationToken cancellationToken) =>
        client.SendAsync(
            new DiscordRoute(HttpMethod.Patch, "PATCH /webhooks/{webhook}/messages/{message}", webhook.Id,
                Invariant($"/webhooks/{Segment(webhook.Id)}/{Segment(webhook.Token)}/messages/{Segment(messageId)}"), UsesBotToken: false),
            () => MessageContent.Create(payload with { Nonce = null, EnforceNonce = null }, files),
            cancellationToken);

    /// <summary>Completes a deferred interaction response: <c>PATCH /webhooks/{application}/{token}/messages/@original</c>.</summary>
    public Task<DiscordResponse> EditOriginalAsync(string applicationId, string interactionToken, MessagePayload payload, IReadOnlyList<DiscordFile> files, CancellationToken cancellationToken) =>
        client.SendAsync(
            new DiscordRoute(HttpMethod.Patch, "PATCH /webhooks/{application}/{interaction}/messages/@original", interactionToken,
                Invariant($"/webhooks/{Segment(applicationId)}/{Segment(interactionToken)}/messages/@original"), UsesBotToken: false),
            () => MessageContent.Create(payload with { Nonce = null, EnforceNonce = null }, files),
            cancellationToken);

    /// <summary>A further message for an interaction (an answer too long for one).</summary>
    public Task<DiscordResponse> FollowUpAsync(string applicationId, string interactionToken, MessagePayload payload, IReadOnlyList<DiscordFile> files, CancellationToken cancellationToken) =>
        client.SendAsync(
            new DiscordRoute(HttpMethod.Post, "POST /webhooks/{application}/{interaction}", interactionToken,
                Invariant($"/webhooks/{Segment(applicationId)}/{Segment(interactionToken)}"), UsesBotToken: false),
            () => MessageContent.Create(payload with { Nonce = null, EnforceNonce = null }, files),
            cancellationToken);
}
