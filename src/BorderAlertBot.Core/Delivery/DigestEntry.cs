using System.Globalization;
using BorderAlertBot.Digests;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Delivery;

/// <summary>
/// A digest slot to record, and the digest to send for it: one per (subscription, slot) under a unique key, so a slot is
/// sent once however often the scheduler runs, restarts or races another instance. A null <paramref name="Content"/>
/// records the slot as done without a message (a quiet day on a digest set to send nothing).
/// </summary>
public sealed record DigestEntry(SubscriptionId SubscriptionId, string TargetKey, DigestSlot Slot, DateTimeOffset CreatedAt, DigestContent? Content)
{
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{SubscriptionId}/digest/{Slot.At.UtcDateTime:yyyyMMdd'T'HHmm'Z'}");
}
