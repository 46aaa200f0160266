using BorderAlertBot.Digests;
using BorderAlertBot.Serialization;

namespace BorderAlertBot.Delivery;

/// <summary>A digest row as claimed by a dispatcher: the content composed at its slot, as stored (read by <see cref="Read"/>).</summary>
public sealed record OutboxDigest(long Id, string Key, string Document, int Attempts)
{
    public DigestContent Read() => DigestDocument.Deserialize(Document);
}
