using BorderAlertBot.Answers;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Delivery;

/// <summary>
/// Delivers messages to one kind of target. Senders render for their platform, use the idempotency key to stop
/// duplicates where the platform allows (Discord's nonce), and let transport exceptions propagate: the dispatcher owns
/// retries, backoff, dead-lettering and pausing.
/// </summary>
public interface IAlertSender
{
    TargetKind Kind { get; }

    /// <summary>How many events fit in one message on this platform; larger groups are split.</summary>
    int MaxEntriesPerMessage { get; }

    Task<DeliveryResult> SendAsync(DeliveryTarget target, AlertMessage message, string idempotencyKey, CancellationToken cancellationToken);

    Task<DeliveryResult> EditAsync(DeliveryTarget target, string messageRef, AlertMessage message, CancellationToken cancellationToken);

    Task<DeliveryResult> ReplyAsync(DeliveryTarget target, string messageRef, AlertMessage message, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Posts a daily digest (text, facts, event lists and its chart) as one message, or as few as the platform's limits allow.</summary>
    Task<DeliveryResult> SendDigestAsync(DeliveryTarget target, Answer digest, string idempotencyKey, CancellationToken cancellationToken);
}
