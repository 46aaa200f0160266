using BorderAlertBot.Domain;

namespace BorderAlertBot.Subscriptions;

/// <summary>What <see cref="SubscriptionPreview"/> found.</summary>
/// <param name="Events">What passed the filter, newest first.</param>
/// <param name="IsTruncated">The period held more than <see cref="SubscriptionPreview.MaxRead"/> candidates, so there may be more.</param>
public sealed record PreviewResult(IReadOnlyList<ConflictEvent> Events, bool IsTruncated);
