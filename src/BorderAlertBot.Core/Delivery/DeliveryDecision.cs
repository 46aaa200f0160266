namespace BorderAlertBot.Delivery;

public enum DeliveryDecision
{
    Matched,
    Excluded,
    Held,
    Queued,
    Sent,
    Edited,
    Replied,
    Failed,
    DeadLettered,
    Paused,
}
