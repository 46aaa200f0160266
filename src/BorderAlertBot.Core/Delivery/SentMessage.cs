using BorderAlertBot.Domain;

namespace BorderAlertBot.Delivery;

/// <summary>A message on a platform and the events it carries, so an update can re-render it whole.</summary>
public sealed record SentMessage(string MessageRef, IReadOnlyList<EventId> EventIds);
