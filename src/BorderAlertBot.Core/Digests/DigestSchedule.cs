using BorderAlertBot.Time;

namespace BorderAlertBot.Digests;

/// <summary>
/// A daily digest at a local time in an IANA zone (ARCHITECTURE.md §8). Each local day has one slot, resolved with the
/// <see cref="LenientResolver"/>: a time skipped by a DST change moves forward, an ambiguous one takes the earlier instant,
/// so a slot is never skipped and never happens twice.
/// </summary>
/// <param name="Since">When the digest was set: no slot before it is ever due (setting 07:30 at 09:00 waits for tomorrow).</param>
public sealed record DigestSchedule(TimeOnly At, string TimeZoneId, DateTimeOffset Since, DigestWhenQuiet WhenQuiet = DigestWhenQuiet.Line)
{
    public DigestSlot SlotOn(DateOnly localDate) => new(localDate, LenientResolver.ToInstant(localDate.ToDateTime(At), Zone));

    /// <summary>The latest slot at or before <paramref name="now"/> (whether or not it is after <see cref="Since"/>).</summary>
    public DigestSlot LatestAtOrBefore(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);

        // Today's slot may still be ahead; a forward shift never moves a slot by a day or more, so yesterday's is behind.
        var slot = SlotOn(today);
        return slot.At <= now ? slot : SlotOn(today.AddDays(-1));
    }

    /// <summary>The first slot after <paramref name="now"/>.</summary>
    public DigestSlot NextAfter(DateTimeOffset now)
    {
        var latest = LatestAtOrBefore(now);
        return SlotOn(latest.LocalDate.AddDays(1));
    }

    /// <summary>The slot of the local day before <paramref name="slot"/>'s: where its window starts.</summary>
    public DigestSlot Before(DigestSlot slot) => SlotOn(slot.LocalDate.AddDays(-1));

    /// <summary>The latest slot that is due at <paramref name="now"/>: at or before it and not before <see cref="Since"/>; null when none is yet.</summary>
    public DigestSlot? DueAt(DateTimeOffset now)
    {
        var latest = LatestAtOrBefore(now);
        return latest.At >= Since ? latest : null;
    }

    private TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
}
