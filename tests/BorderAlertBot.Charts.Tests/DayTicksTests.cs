namespace BorderAlertBot.Charts.Tests;

public sealed class DayTicksTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 1)]
    [InlineData(10, 1)]
    [InlineData(11, 2)]
    [InlineData(14, 2)]
    [InlineData(20, 2)]
    [InlineData(21, 7)]
    [InlineData(31, 7)]
    [InlineData(70, 7)]
    [InlineData(71, 14)]
    [InlineData(90, 14)]
    [InlineData(365, 56)]
    [InlineData(730, 84)]
    public void Labels_are_spaced_so_at_most_ten_share_the_axis(int days, int expectedStep)
    {
        // Arrange
        // Act
        var step = DayTicks.StepFor(days);

        // Assert
        Assert.Equal(expectedStep, step);
        Assert.InRange(((days - 1) / step) + 1, 1, DayTicks.MaxLabels);
    }
}
