using System.Diagnostics.CodeAnalysis;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Commands;

/// <summary>A duration option (<c>2h</c>, <c>7d</c>, <c>0</c>) within a range, with errors that say the range.</summary>
internal static class DurationValue
{
    // A duration a person types is short; a longer run of parts ("99999d99999d…") is not read as one.
    private const int MaxLength = 16;

    /// <summary>Whether the word reads as a duration at all, whatever its size.</summary>
    public static bool IsDuration(string text) => TryParse(text, out _);

    /// <param name="range">What is valid, for the message: "1d to 90d, such as 7d or 30d".</param>
    public static bool TryRead(
        string option, string text, TimeSpan min, TimeSpan max, string range, out TimeSpan value, [NotNullWhen(false)] out CommandError? error)
    {
        var trimmed = text.Trim();
        value = TimeSpan.Zero;
        error = trimmed.Length == 0
            ? new CommandError(option, $"{option}: no value given; {range}")
            : !TryParse(trimmed, out value)
                ? new CommandError(option, $"{option}: {Shown.Quoted(trimmed)} is not a duration; {range}")
                : value < min
                    ? new CommandError(option, $"{option}: {Shown.Short(trimmed)} is too short; {range}")
                    : value > max ? new CommandError(option, $"{option}: {Shown.Short(trimmed)} is too long; {range}") : null;
        if (error is not null)
        {
            value = TimeSpan.Zero;
            return false;
        }

        return true;
    }

    private static bool TryParse(string text, out TimeSpan value)
    {
        var trimmed = text.Trim();
        if (trimmed == "0")
        {
            value = TimeSpan.Zero;
            return true;
        }

        value = TimeSpan.Zero;
        return trimmed.Length <= MaxLength && DurationText.TryParse(trimmed, out value);
    }
}
