namespace BorderAlertBot.Subscriptions;

/// <summary>Why and since when a subscription is paused (by an admin, or by a permanent delivery failure).</summary>
public sealed record PauseState(string Reason, DateTimeOffset Since);
