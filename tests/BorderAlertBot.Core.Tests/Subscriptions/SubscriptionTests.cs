using System.Globalization;
using BorderAlertBot.Domain;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Core.Tests.Subscriptions;

public sealed class SubscriptionTests
{
    private const Severity BreakThrough = Severity.Critical;

    [Fact]
    public void A_mute_in_the_future_holds_until_it_ends()
    {
        var now = At("2024-06-01T12:00:00Z");
        var subscription = new SubscriptionBuilder().MutedUntil(now.AddHours(3)).Build();

        Assert.Equal(now.AddHours(3), subscription.HeldUntil(now, Severity.High, BreakThrough));
    }

    [Theory]
    [InlineData(-3)]
    [InlineData(0)]
    public void A_mute_that_has_ended_holds_nothing(int hoursFromNow)
    {
        var now = At("2024-06-01T12:00:00Z");
        var subscription = new SubscriptionBuilder().MutedUntil(now.AddHours(hoursFromNow)).Build();

        Assert.Null(subscription.HeldUntil(now, Severity.Low, BreakThrough));
    }

    [Theory]
    [InlineData(Severity.Critical, Severity.Critical)]
    [InlineData(Severity.High, Severity.High)]
    [InlineData(Severity.Critical, Severity.High)]
    public void Severity_at_or_above_the_break_through_level_is_never_held(Severity severity, Severity breakThrough)
    {
        var now = At("2024-06-01T23:00:00+06:30");
        var subscription = new SubscriptionBuilder()
            .MutedUntil(now.AddDays(1))
            .WithQuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0), "Asia/Yangon")
            .Build();

        Assert.Null(subscription.HeldUntil(now, severity, breakThrough));
    }

    // Local times in Asia/Yangon (UTC+6:30, no DST); null means not held.
    [Theory]
    [InlineData("22:00", "07:00", "2024-06-01T23:00", "2024-06-02T07:00")]
    [InlineData("22:00", "07:00", "2024-06-02T06:59", "2024-06-02T07:00")]
    [InlineData("22:00", "07:00", "2024-06-01T22:00", "2024-06-02T07:00")]
    [InlineData("22:00", "07:00", "2024-06-02T00:00", "2024-06-02T07:00")]
    [InlineData("22:00", "07:00", "2024-06-02T07:00", null)]
    [InlineData("22:00", "07:00", "2024-06-01T21:59", null)]
    [InlineData("22:00", "07:00", "2024-06-01T12:00", null)]
    [InlineData("12:00", "14:00", "2024-06-01T13:00", "2024-06-01T14:00")]
    [InlineData("12:00", "14:00", "2024-06-01T12:00", "2024-06-01T14:00")]
    [InlineData("12:00", "14:00", "2024-06-01T14:00", null)]
    [InlineData("12:00", "14:00", "2024-06-01T11:59", null)]
    [InlineData("12:00", "14:00", "2024-06-01T23:00", null)]
    [InlineData("09:00", "09:00", "2024-06-01T09:00", null)]
    [InlineData("09:00", "09:00", "2024-06-01T03:00", null)]
    public void Quiet_hours_hold_until_they_end_in_the_local_time_zone(string start, string end, string localNow, string? localHeldUntil)
    {
        var subscription = new SubscriptionBuilder().WithQuietHours(Time(start), Time(end), "Asia/Yangon").Build();

        var heldUntil = subscription.HeldUntil(At(localNow + "+06:30"), Severity.High, BreakThrough);

        Assert.Equal(localHeldUntil is null ? null : At(localHeldUntil + "+06:30"), heldUntil);
    }

    [Fact]
    public void Quiet_hours_ending_at_a_skipped_local_time_end_as_if_the_clock_had_not_jumped()
    {
        // Europe/Berlin skips 02:00–03:00 on 2024-03-31. 02:30 does not exist; NodaTime's lenient resolver (STYLE.md §4.1)
        // shifts it forward by the gap: 03:30 CEST, which is 01:30 UTC, 3.5 hours after 23:00 CET as on any other night.
        var subscription = new SubscriptionBuilder().WithQuietHours(new TimeOnly(22, 0), new TimeOnly(2, 30), "Europe/Berlin").Build();

        var heldUntil = subscription.HeldUntil(At("2024-03-30T23:00:00+01:00"), Severity.High, BreakThrough);

        Assert.Equal(At("2024-03-31T01:30:00Z"), heldUntil);
        Assert.Equal(TimeSpan.FromHours(2), heldUntil?.Offset);
    }

    [Theory]
    [InlineData("2024-03-31T00:59:00Z")] // 01:59 CET, just before the jump
    [InlineData("2024-03-31T01:00:00Z")] // 03:00 CEST, just after
    [InlineData("2024-03-31T01:20:00Z")] // 03:20 CEST
    public void Quiet_hours_that_the_clock_skips_entirely_hold_nothing_that_night(string now)
    {
        var subscription = new SubscriptionBuilder().WithQuietHours(new TimeOnly(2, 0), new TimeOnly(2, 30), "Europe/Berlin").Build();

        Assert.Null(subscription.HeldUntil(At(now), Severity.High, BreakThrough));
    }

    [Fact]
    public void The_same_skipped_quiet_hours_hold_as_usual_on_a_night_without_a_jump()
    {
        var subscription = new SubscriptionBuilder().WithQuietHours(new TimeOnly(2, 0), new TimeOnly(2, 30), "Europe/Berlin").Build();

        Assert.Equal(At("2024-03-30T02:30:00+01:00"), subscription.HeldUntil(At("2024-03-30T02:10:00+01:00"), Severity.High, BreakThrough));
        Assert.Equal(At("2024-04-01T02:30:00+02:00"), subscription.HeldUntil(At("2024-04-01T02:10:00+02:00"), Severity.High, BreakThrough));
    }

    // America/New_York repeats 01:00–02:00 on 2024-11-03 (EDT, then EST). Quiet hours ending at 01:30 end at the earlier
    // 01:30, which is 05:30 UTC (STYLE.md §4.1).
    [Theory]
    [InlineData("2024-11-02T23:00:00-04:00")]
    [InlineData("2024-11-03T00:30:00-04:00")]
    [InlineData("2024-11-03T01:10:00-04:00")]
    public void Quiet_hours_ending_at_an_ambiguous_local_time_end_at_the_earlier_instant(string now)
    {
        var subscription = new SubscriptionBuilder().WithQuietHours(new TimeOnly(22, 0), new TimeOnly(1, 30), "America/New_York").Build();

        Assert.Equal(At("2024-11-03T05:30:00Z"), subscription.HeldUntil(At(now), Severity.High, BreakThrough));
    }

    [Fact]
    public void Once_quiet_hours_have_ended_at_the_earlier_instant_the_repeated_hour_holds_nothing()
    {
        // 01:10 EST reads like quiet time on the wall clock, but the quiet hours ended at 01:30 EDT, 40 minutes ago.
        var subscription = new SubscriptionBuilder().WithQuietHours(new TimeOnly(22, 0), new TimeOnly(1, 30), "America/New_York").Build();

        Assert.Null(subscription.HeldUntil(At("2024-11-03T01:10:00-05:00"), Severity.High, BreakThrough));
    }

    [Theory]
    [InlineData("2024-06-01T12:00", "2024-06-01T23:30", "2024-06-02T07:00")] // mute ends inside quiet hours
    [InlineData("2024-06-01T23:00", "2024-06-02T01:00", "2024-06-02T07:00")] // both now and the mute's end are quiet
    [InlineData("2024-06-01T23:00", "2024-06-02T08:00", "2024-06-02T08:00")] // mute outlasts the quiet hours
    [InlineData("2024-06-01T12:00", "2024-06-01T15:00", "2024-06-01T15:00")] // neither touches the quiet hours
    [InlineData("2024-06-01T23:00", "2024-06-01T22:30", "2024-06-02T07:00")] // mute already over, quiet hours hold
    public void A_mute_and_quiet_hours_hold_until_both_are_over(string localNow, string localMutedUntil, string localHeldUntil)
    {
        var subscription = new SubscriptionBuilder()
            .WithQuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0), "Asia/Yangon")
            .MutedUntil(At(localMutedUntil + "+06:30"))
            .Build();

        var heldUntil = subscription.HeldUntil(At(localNow + "+06:30"), Severity.Significant, BreakThrough);

        Assert.Equal(At(localHeldUntil + "+06:30"), heldUntil);
    }

    [Fact]
    public void A_subscription_is_paused_only_with_a_pause_state()
    {
        Assert.False(new SubscriptionBuilder().Build().IsPaused);
        Assert.True(new SubscriptionBuilder().PausedBecause("channel deleted").Build().IsPaused);
    }

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static TimeOnly Time(string text) => TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture);
}
