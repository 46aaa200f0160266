using BorderAlertBot.Digests;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Subscriptions;

/// <summary>A target that asked for alerts, its filters and how it wants them delivered.</summary>
public sealed record Subscription(
    SubscriptionId Id,
    DeliveryTarget Target,
    SubscriptionFilter Filter,
    TimeSpan GroupWindow,
    UpdateMode Updates,
    MentionRule? Mention,
    QuietHours? QuietHours,
    DateTimeOffset? MutedUntil,
    PauseState? Paused,
    DateTimeOffset CreatedAt,
    string CreatedBy)
{
    /// <summary>The daily digest this subscription's channel gets of what its filters cover, or null for none.</summary>
    public DigestSchedule? Digest { get; init; }

    /// <summary>
    /// The curators' channel (<see cref="Curation.CurationOptions.QueueTarget"/>): it gets a message for each new pending
    /// candidate, with Approve and Reject, and that message is edited as the candidate is decided. Nothing else is sent to it.
    /// </summary>
    public bool IsCurationQueue { get; init; }

    public bool IsPaused => Paused is not null;

    /// <summary>
    /// Until when an alert of <paramref name="severity"/> created at <paramref name="now"/> is held by mute or quiet hours;
    /// null when it may go now. Alerts at or above <paramref name="breakThrough"/> are never held.
    /// </summary>
    public DateTimeOffset? HeldUntil(DateTimeOffset now, Severity severity, Severity breakThrough)
    {
        if (severity >= breakThrough)
        {
            return null;
        }

        DateTimeOffset? until = MutedUntil > now ? MutedUntil : null;
        var quietEnd = QuietHours?.EndOfQuietAt(until ?? now);
        return quietEnd ?? until;
    }
}
