namespace BorderAlertBot.Coordination;

/// <summary>A lease as stored: who holds it and until when.</summary>
public sealed record LeaseInfo(string Name, string Holder, DateTimeOffset ExpiresAt);
