using System.Globalization;
using System.Text.RegularExpressions;

namespace BorderAlertBot.Subscriptions;

/// <summary>Durations as people type them: 90s, 5m, 8h, 2d, 1h30m, or hh:mm:ss.</summary>
public static partial class DurationText
{
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

        foreach (Capture capture in match.Groups["part"].Captures)
        {
            var unit = capture.Value[^1];
            var amount = int.Parse(capture.Value[..^1], CultureInfo.InvariantCulture);
            duration += unit switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
        }

        return true;
    }

    [GeneratedRegex("^(?<part>[0-9]{1,5}[smhd])+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
