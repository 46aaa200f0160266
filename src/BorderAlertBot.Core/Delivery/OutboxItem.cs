using BorderAlertBot.Domain;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Delivery;

/// <summary>An outbox row as claimed by a dispatcher.</summary>
public sealed record OutboxItem(long Id, string Key, SubscriptionId SubscriptionId, EventId EventId, int Revision, OutboxAction Action, DateTimeOffset CreatedAt, DateTimeOffset DueAt, int Attempts);
