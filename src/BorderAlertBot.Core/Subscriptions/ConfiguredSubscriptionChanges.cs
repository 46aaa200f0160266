namespace BorderAlertBot.Subscriptions;

/// <summary>What bringing the store in line with the configured subscriptions did, by name.</summary>
public sealed record ConfiguredSubscriptionChanges(
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Updated,
    IReadOnlyList<string> Removed,
    IReadOnlyList<string> Unchanged);
