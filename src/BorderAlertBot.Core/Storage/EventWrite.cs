using BorderAlertBot.Domain;

namespace BorderAlertBot.Storage;

/// <summary>A new revision to store: <c>Event.Revision.Number</c> is the new number, <paramref name="Fingerprint"/> its content hash.</summary>
public sealed record EventWrite(ConflictEvent Event, string Fingerprint);
