using BorderAlertBot.Answers;
using BorderAlertBot.Delivery;
using BorderAlertBot.Discord.Rendering;
using BorderAlertBot.Discord.Rest;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Discord.Delivery;

/// <summary>
/// Alerts to a channel webhook (platforms/discord.md §3): executed with <c>wait=true</c>, so a message that fails to save
/// is an error, not a silent 204; updates edit the webhook's message, or post a new one (a webhook cannot start a thread).
/// Webhooks take no nonce, so a re-send after a crash may post twice: delivery there is at least once. Buttons need an
/// app-owned webhook, so none are sent.
/// </summary>
public sealed class DiscordWebhookSender(DiscordWebhooksApi webhooks) : IAlertSender
{
    public TargetKind Kind => TargetKind.DiscordWebhook;

    public int MaxEntriesPerMessage => DiscordAlertRenderer.MaxEntriesPerMessage;

    public async Task<DeliveryResult> SendAsync(DeliveryTarget target, AlertMessage message, string idempotencyKey, CancellationToken cancellationToken) =>
        Webhook(target) is { } webhook
            ? DiscordOutcome.Of(await webhooks.ExecuteAsync(webhook, DiscordAlertRenderer.Render(message) with { Components = null }, [], cancellationToken), DiscordOutcome.MessageId)
            : NotAWebhook;

    public async Task<DeliveryResult> EditAsync(DeliveryTarget target, string messageRef, AlertMessage message, CancellationToken cancellationToken)
    {
        if (Webhook(target) is not { } webhook)
        {
            return NotAWebhook;
        }

        var payload = DiscordAlertRenderer.Render(message) with { Components = null };
        var response = await webhooks.EditAsync(webhook, messageRef, payload, [], cancellationToken);
        if (response.Code == UnknownMessage)
        {
            // The message was deleted in the channel: the update goes as a new message instead (§5).
            return DiscordOutcome.Of(await webhooks.ExecuteAsync(webhook, payload, [], cancellationToken), DiscordOutcome.MessageId);
        }

        return DiscordOutcome.Of(response, _ => messageRef);
    }

    public Task<DeliveryResult> ReplyAsync(DeliveryTarget target, string messageRef, AlertMessage message, string idempotencyKey, CancellationToken cancellationToken) =>
        SendAsync(target, message, idempotencyKey, cancellationToken);

    public async Task<DeliveryResult> SendDigestAsync(DeliveryTarget target, Answer digest, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (Webhook(target) is not { } webhook)
        {
            return NotAWebhook;
        }

        string? first = null;
        foreach (var part in DiscordAnswerRenderer.Render(digest))
        {
            var response = await webhooks.ExecuteAsync(webhook, part.Payload with { Flags = null }, part.Files, cancellationToken);
            if (!response.IsSuccess)
            {
                return DiscordOutcome.Of(response, DiscordOutcome.MessageId);
            }

            first ??= DiscordOutcome.MessageId(response);
        }

        return new DeliveryResult.Delivered(first ?? string.Empty);
    }

    private const int UnknownMessage = 10008;

    private static DeliveryResult.Rejected NotAWebhook { get; } = new("the target is not a Discord webhook URL (https://discord.com/api/webhooks/ID/TOKEN)");

    private static DiscordWebhook? Webhook(DeliveryTarget target) => DiscordWebhook.TryParse(target.Address, out var webhook) ? webhook : null;
}
