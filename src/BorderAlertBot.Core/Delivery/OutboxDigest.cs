using BorderAlertBot.Digests;

namespace BorderAlertBot.Delivery;

/// <summary>A digest row as claimed by a dispatcher, with the content composed at its slot.</summary>
public sealed record OutboxDigest(long Id, string Key, DigestContent Content, int Attempts);
