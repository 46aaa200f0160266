using System.Globalization;

namespace BorderAlertBot.Delivery;

/// <summary>A <see cref="DeliveryExplanation"/> in words, the same for <c>deliveries explain</c> and <c>/border why</c>.</summary>
public static class DeliveryExplanationText
{
    /// <summary>One line per logged step, oldest first, then the verdict of the filters when nothing was logged.</summary>
    public static IReadOnlyList<string> Lines(DeliveryExplanation explanation)
    {
        var lines = explanation.Log
            .Select(entry => string.Create(CultureInfo.InvariantCulture,
                $"{entry.At:yyyy-MM-dd HH:mm:ss} rev {entry.Revision} {entry.Decision.ToString().ToLowerInvariant()}: {entry.Detail}"))
            .ToList();
        if (explanation.JudgedNow)
        {
            lines.Add(explanation.Exclusion is { } exclusion
                ? $"not matched (judged against the filters as they are now): {exclusion}"
                : "no record yet: it matches the filters now, but the event was handled before the subscription existed or the watcher has not reached it");
        }

        return lines;
    }
}
