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
            _ => false,
        };

    public static bool NeedsReason(this EventStatus status) =>
        status is EventStatus.Rejected or EventStatus.Retracted;
}
