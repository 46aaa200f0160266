using BorderAlertBot.Time;

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
        var end = LenientResolver.ToInstant(endDate.ToDateTime(End), zone);
        return end > now ? end : null;
    }
}
