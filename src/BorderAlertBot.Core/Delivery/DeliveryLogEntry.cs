using BorderAlertBot.Domain;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Delivery;

public sealed record DeliveryLogEntry(SubscriptionId SubscriptionId, EventId EventId, int Revision, DeliveryDecision Decision, string Detail, DateTimeOffset At);
