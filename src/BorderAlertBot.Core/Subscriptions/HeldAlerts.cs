using BorderAlertBot.Abstractions;
using BorderAlertBot.Delivery;
using BorderAlertBot.Domain;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Subscriptions;

/// <summary>
/// Ends a mute early. The alerts a mute held wait in the outbox until the mute's end; unmuting makes them due now (or at
/// the end of the quiet hours, when those hold now), so they go out as one batch at once, as the reply promises.
/// </summary>
public sealed class HeldAlerts(ISubscriptionStore subscriptions, IOutboxStore outbox, IOptions<DeliveryOptions> options, TimeProvider timeProvider)
{
    /// <summary>Unmutes the subscription and releases what its mute held; returns it as stored.</summary>
    public async Task<Subscription> UnmuteAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var unmuted = subscription with { MutedUntil = null };
        await subscriptions.UpdateAsync(unmuted, cancellationToken);
        var dueAt = unmuted.HeldUntil(now, Severity.Low, options.Value.BreakThrough) ?? now;
        await outbox.BringForwardAsync(subscription.Id, dueAt, cancellationToken);
        return unmuted;
    }
}
