using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Core.Tests.Subscriptions;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("5m", 300)]
    [InlineData("1h30m", 5_400)]
    [InlineData("2d", 172_800)]
    [InlineData("01:00:00", 3_600)]
    public void Durations_read_as_people_type_them(string text, int seconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-5m")]
    [InlineData("5x")]
    public void Anything_else_is_not_a_duration(string text) => Assert.False(DurationText.TryParse(text, out _));

    [Fact]
    public void A_run_of_parts_too_long_for_any_clock_is_refused_rather_than_overflowing()
    {
        var huge = string.Concat(Enumerable.Repeat("99999d", 200));

        Assert.False(DurationText.TryParse(huge, out var duration));
        Assert.Equal(TimeSpan.Zero, duration);
    }
}
