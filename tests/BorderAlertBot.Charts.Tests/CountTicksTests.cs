using System.Globalization;

namespace BorderAlertBot.Charts.Tests;

public sealed class CountTicksTests
{
    private static readonly double[] NiceSteps =
        [1, 2, 5, .. Enumerable.Range(1, 9).SelectMany(power => new[] { 1, 2, 2.5, 5 }.Select(m => m * Math.Pow(10, power)))];

    [Theory]
    [InlineData(4)]
    [InlineData(5.75)]
    [InlineData(9.2)]
    [InlineData(23)]
    [InlineData(155.25)]
    [InlineData(1_150)]
    [InlineData(34_500)]
    [InlineData(2_470_000_000)]
    public void Ticks_are_whole_numbers_with_a_nice_step(double axisMax)
    {
        // Arrange
        // Act
        var step = CountTicks.StepFor(axisMax);
        var ticks = CountTicks.Major(axisMax);

        // Assert
        Assert.Contains(step, NiceSteps);
        Assert.All(ticks, tick => Assert.Equal(Math.Round(tick.Position), tick.Position));
        Assert.Equal(Enumerable.Range(0, ticks.Count).Select(i => i * step), ticks.Select(tick => tick.Position));
    }

    [Fact]
    public void An_axis_from_zero_to_four_or_more_gets_four_to_eight_labelled_ticks()
    {
        // Arrange
        var maxima = Enumerable.Range(0, 2_000).Select(i => 4 * Math.Pow(1.01, i)).ToList();

        // Act
        var ticks = maxima.Select(axisMax => (axisMax, Ticks: CountTicks.Major(axisMax))).ToList();

        // Assert
        Assert.All(ticks, pair =>
        {
            Assert.InRange(pair.Ticks.Count, 4, CountTicks.MaxLabels);
            Assert.Equal(0, pair.Ticks[0].Position);
            Assert.InRange(pair.Ticks[^1].Position, 0, pair.axisMax);
            Assert.True(pair.Ticks[^1].Position + CountTicks.StepFor(pair.axisMax) > pair.axisMax, $"A tick is missing below {pair.axisMax}.");
        });
    }

    [Theory]
    [InlineData(4, 1)]
    [InlineData(5.75, 1)]
    [InlineData(7, 1)]
    [InlineData(8.05, 2)]
    [InlineData(17.25, 5)]
    [InlineData(155.25, 20)]
    [InlineData(180, 25)]
    [InlineData(1_150, 200)]
    [InlineData(5_750, 1_000)]
    public void The_smallest_nice_step_that_leaves_at_most_eight_labels_is_chosen(double axisMax, double expectedStep)
    {
        // Arrange
        // Act
        var step = CountTicks.StepFor(axisMax);

        // Assert
        Assert.Equal(expectedStep, step);
    }

    [Fact]
    public void Labels_group_thousands_with_a_comma_whatever_the_culture()
    {
        // Arrange
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            // Act
            var labels = CountTicks.Major(11_500).Select(tick => tick.Label);

            // Assert
            Assert.Equal(["0", "2,000", "4,000", "6,000", "8,000", "10,000"], labels);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Four_unlabelled_ticks_split_each_step_up_to_the_axis_maximum()
    {
        // Arrange
        // Act
        var minor = CountTicks.Minor(5.75);

        // Assert
        double[] expected = [.. Enumerable.Range(1, 28).Where(i => i % 5 != 0).Select(i => i / 5.0)];
        Assert.Equal(expected, minor);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void An_axis_maximum_that_is_not_a_positive_number_is_rejected(double axisMax)
    {
        // Arrange
        // Act
        // Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => CountTicks.StepFor(axisMax));
    }
}
