using System.Globalization;
using ScottPlot.TickGenerators;

namespace BorderAlertBot.Charts;

/// <summary>
/// Whole-number ticks up the events-per-day axis from zero, a labelled one every 1, 2 or 5, then 10, 20, 25 or 50 times a
/// power of ten: the smallest of those steps that leaves at most <see cref="MaxLabels"/> labels, so an axis reaching 4 or
/// more gets 4–8 of them. Computed here rather than by ScottPlot's <c>NumericAutomatic</c>, which finds a spacing by
/// measuring candidate label strings with Skia, and does so for the layout and again for the ticks of every render.
/// </summary>
internal static class CountTicks
{
    public const int MaxLabels = 8;

    /// <summary>Unlabelled ticks split each step in five, as ScottPlot's automatic ticks did before these replaced them.</summary>
    public const int MinorDivisions = 5;

    /// <summary>Distance between labelled ticks for an axis from zero to <paramref name="axisMax"/>.</summary>
    public static double StepFor(double axisMax)
    {
        if (!double.IsFinite(axisMax) || axisMax <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(axisMax), axisMax, "The axis must run from zero up to a finite maximum.");
        }

        foreach (var step in Steps())
        {
            if (LabelCount(axisMax, step) <= MaxLabels)
            {
                return step;
            }
        }

        throw new InvalidOperationException("Steps() is endless, so some step always fits.");
    }

    /// <summary>Labelled ticks at 0, step, 2·step… up to <paramref name="axisMax"/>, labelled "1,250" whatever the culture.</summary>
    public static IReadOnlyList<(double Position, string Label)> Major(double axisMax)
    {
        var step = StepFor(axisMax);
        return Enumerable.Range(0, LabelCount(axisMax, step))
            .Select(i => (i * step, (i * step).ToString("N0", CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary>Unlabelled ticks between the labelled ones, and past the last one up to <paramref name="axisMax"/>.</summary>
    public static IReadOnlyList<double> Minor(double axisMax)
    {
        var step = StepFor(axisMax);
        var count = (int)Math.Floor(axisMax * MinorDivisions / step);
        return Enumerable.Range(1, count).Where(i => i % MinorDivisions != 0).Select(i => i * step / MinorDivisions).ToList();
    }

    public static NumericManual For(double axisMax)
    {
        var ticks = new NumericManual();
        foreach (var (position, label) in Major(axisMax))
        {
            ticks.AddMajor(position, label);
        }

        foreach (var position in Minor(axisMax))
        {
            ticks.AddMinor(position);
        }

        return ticks;
    }

    /// <summary>1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500…; no 2.5 below ten, as it is not a whole number.</summary>
    private static IEnumerable<double> Steps()
    {
        yield return 1;
        yield return 2;
        yield return 5;
        for (var decade = 10d; ; decade *= 10)
        {
            yield return decade;
            yield return decade * 2;
            yield return decade * 2.5;
            yield return decade * 5;
        }
    }

    private static int LabelCount(double axisMax, double step) => (int)Math.Min(Math.Floor(axisMax / step) + 1, int.MaxValue);
}
