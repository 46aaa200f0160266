using BorderAlertBot.Answers;
using BorderAlertBot.Delivery;
using BorderAlertBot.Discord.Rendering;
using BorderAlertBot.Discord.Rest;
using BorderAlertBot.Discord.Wire;
using BorderAlertBot.Subscriptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Discord.Delivery;

/// <summary>
/// Alerts, their updates and digests in Discord channels through the bot's REST API (platforms/discord.md §3): a message
/// with one embed per event and the Why?/Mute buttons, created with a <c>nonce</c> from the outbox key and
/// <c>enforce_nonce</c>; an update edits it, or replies in a thread started from it (or as a <c>message_reference</c>
/// reply, as <see cref="DiscordOptions.Replies"/> says); a digest goes with its chart as a multipart upload.
/// </summary>
public sealed partial class DiscordChannelSender(DiscordMessagesApi messages, IOptions<DiscordOptions> options, ILogger<DiscordChannelSender> logger) : IAlertSender
{
    public TargetKind Kind => TargetKind.DiscordChannel;

    /// <summary>Three alert embeds always fit Discord's 6,000 characters per message.</summary>
    public int MaxEntriesPerMessage => DiscordAlertRenderer.MaxEntriesPerMessage;

    public async Task<DeliveryResult> SendAsync(DeliveryTarget target, AlertMessage message, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (NotConfigured() is { } notConfigured)
        {
            return notConfigured;
        }

        var payload = DiscordAlertRenderer.Render(message) with { Nonce = DiscordNonce.From(idempotencyKey), EnforceNonce = true };
        return Outcome(await messages.CreateAsync(target.Address, payload, [], cancellationToken), target);
    }

    public async Task<DeliveryResult> EditAsync(DeliveryTarget target, string messageRef, AlertMessage message, CancellationToken cancellationToken)
    {
        if (NotConfigured() is { } notConfigured)
        {
            return notConfigured;
        }

        var payload = DiscordAlertRenderer.Render(message);
        var response = await messages.EditAsync(target.Address, messageRef, payload, [], cancellationToken);
        if (response.Code == UnknownMessage)
        {
            // The alert was deleted in the channel: the update goes as a new message instead (§5).
            var key = DiscordNonce.From($"{target.Address}/{messageRef}/{message.Entries.Count}/{string.Join(',', message.Entries.Select(entry => entry.Event.Revision.Number))}");
            response = await messages.CreateAsync(target.Address, payload with { Nonce = key, EnforceNonce = true }, [], cancellationToken);
        }

        var created = response.IsSuccess ? DiscordOutcome.MessageId(response) : string.Empty;
        return Outcome(response, target, keepRef: created.Length > 0 ? created : messageRef);
    }

    public async Task<DeliveryResult> ReplyAsync(DeliveryTarget target, string messageRef, AlertMessage message, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (NotConfigured() is { } notConfigured)
        {
            return notConfigured;
        }

        var payload = DiscordAlertRenderer.Render(message) with { Nonce = DiscordNonce.From(idempotencyKey), EnforceNonce = true, Components = null };
        if (options.Value.Replies == DiscordReplyMode.Reference)
        {
            return Outcome(await messages.CreateAsync(target.Address, payload with { MessageReference = new MessageReference(messageRef) }, [], cancellationToken), target);
        }

        // A thread started from a message has the message's id; the first reply starts it.
        var name = DiscordMarkdown.Truncate(message.Entries.Count > 0 ? "Updates: " + message.Entries[0].Event.Title : "Updates", 100);
        var thread = await messages.StartThreadAsync(target.Address, messageRef, name, cancellationToken);
        if (thread.Code == UnknownMessage)
        {
            // The alert was deleted in the channel: the reply goes to the channel as a new message instead (§5).
            return Outcome(await messages.CreateAsync(target.Address, payload, [], cancellationToken), target);
        }

        if (!thread.IsSuccess && thread.Code != ThreadAlreadyExists)
        {
            return Outcome(thread, target);
        }

        return Outcome(await messages.CreateAsync(messageRef, payload, [], cancellationToken), target);
    }

    public async Task<DeliveryResult> SendDigestAsync(DeliveryTarget target, Answer digest, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (NotConfigured() is { } notConfigured)
        {
            return notConfigured;
        }

        var parts = DiscordAnswerRenderer.Render(digest);
        string? first = null;
        for (var i = 0; i < parts.Count; i++)
        {
            var payload = parts[i].Payload with { Flags = null, Nonce = DiscordNonce.From(i == 0 ? idempotencyKey : $"{idempotencyKey}#{i}"), EnforceNonce = true };
            var response = await messages.CreateAsync(target.Address, payload, parts[i].Files, cancellationToken);
            if (!response.IsSuccess)
            {
                return Outcome(response, target);
            }

            first ??= DiscordOutcome.MessageId(response);
        }

        return new DeliveryResult.Delivered(first ?? string.Empty);
    }

    /// <summary>Without a bot token the channel cannot be reached: the subscription is paused, saying what to set.</summary>
    private DeliveryResult.Rejected? NotConfigured() =>
        options.Value.IsEnabled ? null : new DeliveryResult.Rejected("Discord is not configured: set Discord:BotToken (and Discord:ApplicationId), then resume");

    private DeliveryResult Outcome(DiscordResponse response, DeliveryTarget target, string? keepRef = null)
    {
        var result = DiscordOutcome.Of(response, answer => keepRef ?? DiscordOutcome.MessageId(answer));
        if (result is DeliveryResult.Undeliverable)
        {
            Log.Refused(logger, target.Display, response.Describe(), response.Errors ?? "no error tree");
        }

        return result;
    }

    private const int UnknownMessage = 10008;
    private const int ThreadAlreadyExists = 160004;

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Discord refused a message to {Target} ({Response}); this is a bug in what we sent: {Errors}")]
        public static partial void Refused(ILogger logger, string target, string response, string errors);
    }
}
