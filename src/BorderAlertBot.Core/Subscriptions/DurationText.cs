using System.Globalization;
using System.Text.RegularExpressions;

namespace BorderAlertBot.Subscriptions;

/// <summary>Durations as people type them: 90s, 5m, 8h, 2d, 1h30m, or hh:mm:ss.</summary>
public static partial class DurationText
{
    private static readonly long MaxSeconds = (long)TimeSpan.MaxValue.TotalSeconds;

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (trimmed.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero;
        }

        var match = Pattern().Match(trimmed.ToLowerInvariant());
        if (!match.Success || match.Length == 0)
        {
            return false;
        }

        // Summed in seconds and checked, so a long run of parts is refused instead of overflowing TimeSpan.
        long seconds = 0;
        foreach (Capture capture in match.Groups["part"].Captures)
        {
            var amount = long.Parse(capture.Value[..^1], CultureInfo.InvariantCulture);
            seconds += amount * capture.Value[^1] switch
            {
                's' => 1,
                'm' => 60,
                'h' => 3_600,
                _ => 86_400,
            };
            if (seconds > MaxSeconds)
            {
                return false;
            }
        }

        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }

    [GeneratedRegex("^(?<part>[0-9]{1,5}[smhd])+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
