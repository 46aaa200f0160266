namespace BorderAlertBot.Domain;

public static class EventStatusExtensions
{
    /// <summary>Whether an event may move from <paramref name="from"/> to <paramref name="to"/>. Staying put is always allowed.</summary>
    public static bool CanBecome(this EventStatus from, EventStatus to) =>
        from == to || (from, to) switch
        {
            (EventStatus.Pending, EventStatus.Verified) => true,
            (EventStatus.Pending, EventStatus.Rejected) => true,
            (EventStatus.Verified, EventStatus.Retracted) => true,
            (EventStatus.Pending or EventStatus.Verified, EventStatus.Merged) => true,
            (EventStatus.Merged, EventStatus.Pending or EventStatus.Verified) => true,
            _ => false,
        };

    /// <summary>Whether an event in this status stands for nothing any more: retracted, rejected, or merged into another.</summary>
    public static bool IsWithdrawn(this EventStatus status) =>
        status is EventStatus.Retracted or EventStatus.Rejected or EventStatus.Merged;

    public static bool NeedsReason(this EventStatus status) =>
        status is EventStatus.Rejected or EventStatus.Retracted or EventStatus.Merged;
}
