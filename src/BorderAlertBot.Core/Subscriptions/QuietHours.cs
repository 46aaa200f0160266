namespace BorderAlertBot.Subscriptions;

/// <summary>
/// A daily span in a time zone (IANA id) during which alerts are held, e.g. 22:00–07:00 Asia/Yangon.
/// A span that crosses midnight is allowed; start = end means no quiet hours.
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End, string TimeZoneId)
{
    /// <summary>When the quiet span containing <paramref name="now"/> ends, or null when <paramref name="now"/> is not in one.</summary>
    public DateTimeOffset? EndOfQuietAt(DateTimeOffset now)
    {
        if (Start == End)
        {
            return null;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var crossesMidnight = Start > End;
        var inside = crossesMidnight ? time >= Start || time < End : time >= Start && time < End;
        if (!inside)
        {
            return null;
        }

        var endDate = DateOnly.FromDateTime(local.DateTime);
        if (crossesMidnight && time >= Start)
        {
            endDate = endDate.AddDays(1);
        }

        // An ambiguous end resolves to its earlier instant, which a "now" in the repeated hour has already passed.
        var end = ToInstant(endDate.ToDateTime(End), zone);
        return end > now ? end : null;
    }

    /// <summary>
    /// NodaTime's lenient resolver (STYLE.md §4.1): a local time skipped by a DST change is shifted forward by the length of
    /// the gap (02:30 in a 02:00–03:00 gap is 03:30), as if the clock had not jumped; an ambiguous one takes the earlier instant.
    /// </summary>
    private static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        if (zone.IsInvalidTime(local))
        {
            var after = local;
            while (zone.IsInvalidTime(after))
            {
                after = after.AddMinutes(1);
            }

            // Read with the offset after the gap, the local time is an instant before the jump, so that instant's offset
            // is the one before the gap.
            var offsetBefore = zone.GetUtcOffset(new DateTimeOffset(local, zone.GetUtcOffset(after)));
            return TimeZoneInfo.ConvertTime(new DateTimeOffset(local, offsetBefore), zone);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
