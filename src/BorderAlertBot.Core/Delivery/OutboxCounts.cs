namespace BorderAlertBot.Delivery;

public sealed record OutboxCounts(long Pending, long Sent, long DeadLettered);
