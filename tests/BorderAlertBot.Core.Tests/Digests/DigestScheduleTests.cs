using System.Globalization;
using BorderAlertBot.Digests;

namespace BorderAlertBot.Core.Tests.Digests;

public sealed class DigestScheduleTests
{
    private static readonly DateTimeOffset LongAgo = At("2020-01-01T00:00:00Z");

    [Fact]
    public void A_07_30_digest_in_Yangon_falls_due_at_01_00_UTC()
    {
        var schedule = new DigestSchedule(new TimeOnly(7, 30), "Asia/Yangon", LongAgo);

        var slot = schedule.SlotOn(new DateOnly(2024, 1, 6));

        Assert.Equal(At("2024-01-06T01:00:00Z"), slot.At);
    }

    [Theory]
    [InlineData("2024-01-06T00:59:59Z", "2024-01-05T01:00:00Z")]
    [InlineData("2024-01-06T01:00:00Z", "2024-01-06T01:00:00Z")]
    [InlineData("2024-01-06T20:00:00Z", "2024-01-06T01:00:00Z")]
    public void The_latest_slot_is_todays_once_its_time_has_come_and_yesterdays_before(string now, string expected)
    {
        var schedule = new DigestSchedule(new TimeOnly(7, 30), "Asia/Yangon", LongAgo);

        Assert.Equal(At(expected), schedule.LatestAtOrBefore(At(now)).At);
    }

    [Fact]
    public void A_local_time_skipped_when_clocks_go_forward_moves_forward_by_the_gap()
    {
        // New York skips 02:00–03:00 on 10 March 2024: 02:30 becomes 03:30 EDT (UTC−4), which is 07:30 UTC.
        var schedule = new DigestSchedule(new TimeOnly(2, 30), "America/New_York", LongAgo);

        Assert.Equal(At("2024-03-09T07:30:00Z"), schedule.SlotOn(new DateOnly(2024, 3, 9)).At);
        Assert.Equal(At("2024-03-10T07:30:00Z"), schedule.SlotOn(new DateOnly(2024, 3, 10)).At);
        Assert.Equal(At("2024-03-11T06:30:00Z"), schedule.SlotOn(new DateOnly(2024, 3, 11)).At);
    }

    [Fact]
    public void An_ambiguous_local_time_when_clocks_go_back_takes_the_earlier_instant_once()
    {
        // New York repeats 01:00–02:00 on 3 November 2024: 01:30 EDT (05:30 UTC) comes before 01:30 EST (06:30 UTC).
        var schedule = new DigestSchedule(new TimeOnly(1, 30), "America/New_York", LongAgo);

        var slot = schedule.SlotOn(new DateOnly(2024, 11, 3));

        Assert.Equal(At("2024-11-03T05:30:00Z"), slot.At);
        Assert.Equal(slot, schedule.LatestAtOrBefore(At("2024-11-03T06:45:00Z")));
        Assert.Equal(At("2024-11-04T06:30:00Z"), schedule.NextAfter(slot.At).At);
    }

    [Fact]
    public void The_slot_before_is_the_previous_local_days_so_a_window_is_23_or_25_hours_across_a_dst_change()
    {
        var schedule = new DigestSchedule(new TimeOnly(8, 0), "Europe/London", LongAgo);

        var afterSpringForward = schedule.SlotOn(new DateOnly(2024, 3, 31));
        var afterFallBack = schedule.SlotOn(new DateOnly(2024, 10, 27));

        Assert.Equal(TimeSpan.FromHours(23), afterSpringForward.At - schedule.Before(afterSpringForward).At);
        Assert.Equal(TimeSpan.FromHours(25), afterFallBack.At - schedule.Before(afterFallBack).At);
    }

    [Fact]
    public void No_slot_is_due_before_the_digest_was_set()
    {
        // Set at 09:00 UTC (15:30 in Yangon): today's 07:30 has passed, so the first due slot is tomorrow's.
        var schedule = new DigestSchedule(new TimeOnly(7, 30), "Asia/Yangon", At("2024-03-01T09:00:00Z"));

        Assert.Null(schedule.DueAt(At("2024-03-01T09:00:00Z")));
        Assert.Null(schedule.DueAt(At("2024-03-02T00:59:00Z")));
        Assert.Equal(At("2024-03-02T01:00:00Z"), schedule.DueAt(At("2024-03-02T01:00:00Z"))?.At);
        Assert.Equal(At("2024-03-02T01:00:00Z"), schedule.NextAfter(At("2024-03-01T09:00:00Z")).At);
    }

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
