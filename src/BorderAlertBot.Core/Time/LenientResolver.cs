namespace BorderAlertBot.Time;

/// <summary>
/// Turns a local date and time in a zone into an instant the way NodaTime's lenient resolver does (STYLE.md §4.1): a
/// local time skipped by a DST change is shifted forward by the length of the gap (02:30 in a 02:00–03:00 gap is 03:30),
/// as if the clock had not jumped; an ambiguous one (the hour repeated when clocks go back) takes the earlier instant.
/// Quiet hours and digest slots both resolve their local times here, so they agree.
/// </summary>
public static class LenientResolver
{
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
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
