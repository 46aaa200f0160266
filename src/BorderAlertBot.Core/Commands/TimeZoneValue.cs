using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace BorderAlertBot.Commands;

/// <summary>An IANA time zone option: checked with <see cref="TimeZoneInfo.TryFindSystemTimeZoneById"/>, any case accepted.</summary>
internal static partial class TimeZoneValue
{
    // Unsorted: sorting builds every zone's display name, which takes over a second on Linux; this takes milliseconds.
    private static readonly Lazy<string[]> KnownIds = new(() =>
        [.. TimeZoneInfo.GetSystemTimeZones(skipSorting: true).Select(zone => zone.Id).Append("UTC").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);

    public static bool TryRead(string option, string text, [NotNullWhen(true)] out string? zoneId, [NotNullWhen(false)] out CommandError? error)
    {
        var trimmed = text.Trim();
        zoneId = null;
        error = null;
        if (trimmed.Length == 0)
        {
            error = new CommandError(option, $"{option}: no value given; use an IANA time zone such as Asia/Yangon or UTC");
            return false;
        }

        // Only id-shaped text reaches the system lookup, which reads files named by the id.
        if (IdShape().IsMatch(trimmed))
        {
            if (KnownIds.Value.FirstOrDefault(id => string.Equals(id, trimmed, StringComparison.OrdinalIgnoreCase)) is { } known)
            {
                zoneId = known;
                return true;
            }

            // Links such as Asia/Rangoon are not listed but are found.
            if (TimeZoneInfo.TryFindSystemTimeZoneById(trimmed, out _))
            {
                zoneId = trimmed;
                return true;
            }
        }

        error = ClosestWord.Find(trimmed, KnownIds.Value, allowPrefix: false) is { } close
            ? new CommandError(option, $"{option}: {Shown.Quoted(trimmed)} is not a time zone; did you mean {close.Word}?", close.Word)
            : new CommandError(option, $"{option}: {Shown.Quoted(trimmed)} is not a time zone; use an IANA name such as Asia/Yangon or UTC");
        return false;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_+/-]{0,63}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdShape();
}
