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

    /// <summary>The way <see cref="TryParse"/> reads it, largest units first: 2h, 1d6h, 1h30m, 90s → 1m30s; zero is 0s.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return "0s";
        }

        var text = new System.Text.StringBuilder();
        Append(text, (long)duration.TotalDays, 'd');
        Append(text, duration.Hours, 'h');
        Append(text, duration.Minutes, 'm');
        Append(text, duration.Seconds, 's');
        return text.Length == 0 ? "0s" : text.ToString();
    }

    private static void Append(System.Text.StringBuilder text, long amount, char unit)
    {
        if (amount > 0)
        {
            text.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }

    [GeneratedRegex("^(?<part>[0-9]{1,5}[smhd])+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
