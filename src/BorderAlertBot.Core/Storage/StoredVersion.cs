namespace BorderAlertBot.Storage;

/// <summary>What the store holds for an event: its revision number, status and content fingerprint.</summary>
public sealed record StoredVersion(int Revision, Domain.EventStatus Status, string Fingerprint);
