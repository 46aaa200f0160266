namespace BorderAlertBot.Digests;

/// <summary>One scheduled digest: the local day it belongs to and the instant it falls due.</summary>
public readonly record struct DigestSlot(DateOnly LocalDate, DateTimeOffset At);
