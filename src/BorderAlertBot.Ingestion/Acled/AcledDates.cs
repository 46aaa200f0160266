using System.Globalization;

namespace BorderAlertBot.Ingestion.Acled;

/// <summary>
/// ACLED's <c>event_date</c> in the three styles seen in the wild (data-sources.md §1): <c>2023-10-27</c> from the API
/// and its exports, <c>2021-09-09T00:00:00Z</c> in third-party copies, and <c>16 May 2025</c> from the export tool.
/// </summary>
internal static class AcledDates
{
    private static readonly string[] WrittenOut = ["d MMMM yyyy", "d MMM yyyy", "dd MMMM yyyy", "dd MMM yyyy"];

    public static DateOnly? TryParse(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || DateOnly.TryParseExact(value, WrittenOut, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return date;
        }

        // An instant: the day it names in UTC (ACLED's copies write midnight UTC).
        return value.Length > 10 && value[10] == 'T'
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
                ? DateOnly.FromDateTime(instant.UtcDateTime)
                : null;
    }
}
