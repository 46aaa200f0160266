namespace BorderAlertBot.Benchmarks.Scenarios;

/// <summary>The arithmetic the fan-out figures share: the busiest second of a set of arrivals, and percentiles.</summary>
public static class FanoutTimes
{
    /// <summary>The most of <paramref name="times"/> in any second, the window (t − 1 s, t] the fakes enforce limits over.</summary>
    public static int BusiestSecond(IEnumerable<DateTimeOffset> times)
    {
        DateTimeOffset[] sorted = [.. times.Order()];
        var max = 0;
        var start = 0;
        for (var end = 0; end < sorted.Length; end++)
        {
            while (sorted[start] <= sorted[end] - TimeSpan.FromSeconds(1))
            {
                start++;
            }

            max = Math.Max(max, end - start + 1);
        }

        return max;
    }

    /// <summary>The nearest-rank <paramref name="percent"/>th percentile of <paramref name="sorted"/> (ascending); NaN when empty.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double percent) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
