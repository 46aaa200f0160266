using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Digests;

/// <summary>One digest to compose: a subscription's slot and the window [<paramref name="From"/>, the slot) it covers.</summary>
/// <param name="IsLate">The slot is sent well after it fell due (the bot was down): the digest says so.</param>
public sealed record DigestRequest(Subscription Subscription, DigestSlot Slot, DateTimeOffset From, bool IsLate)
{
    public DateTimeOffset To => Slot.At;
}
