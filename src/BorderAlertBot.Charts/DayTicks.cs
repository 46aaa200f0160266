using System.Globalization;
using ScottPlot.TickGenerators;

namespace BorderAlertBot.Charts;

/// <summary>Date labels under the bars: every day for a week, then every 2, 7, 14… days, so at most 10 labels share 800 px and stay legible when a chat client shrinks the image.</summary>
internal static class DayTicks
{
    public const int MaxLabels = 10;

    private static readonly int[] Steps = [1, 2, 7, 14, 28];

    /// <summary>Days between labelled ticks; the last step repeats in multiples for ranges longer than the table covers.</summary>
    public static int StepFor(int dayCount)
    {
        foreach (var step in Steps)
        {
            if (LabelCount(dayCount, step) <= MaxLabels)
            {
                return step;
            }
        }

        var longest = Steps[^1];
        return longest * (int)Math.Ceiling(dayCount / (double)(longest * MaxLabels));
    }

    /// <summary>A label every <see cref="StepFor"/> days from the first day, and a minor tick on every other day.</summary>
    public static NumericManual For(IReadOnlyList<DateOnly> days)
    {
        var step = StepFor(days.Count);
        var ticks = new NumericManual();
        for (var i = 0; i < days.Count; i++)
        {
            if (i % step == 0)
            {
                ticks.AddMajor(i, days[i].ToString("d MMM", CultureInfo.InvariantCulture));
            }
            else
            {
                ticks.AddMinor(i);
            }
        }

        return ticks;
    }

    private static int LabelCount(int dayCount, int step) => ((dayCount - 1) / step) + 1;
}
