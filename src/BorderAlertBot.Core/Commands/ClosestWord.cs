using BorderAlertBot.Geography;

namespace BorderAlertBot.Commands;

/// <summary>"Did you mean": the candidate a few typing mistakes from what was typed, ignoring case.</summary>
internal static class ClosestWord
{
    public const int MaxDistance = 2;

    /// <summary>
    /// The closest candidate within <see cref="MaxDistance"/> edits (a candidate that starts with 3+ typed characters
    /// counts as one edit when <paramref name="allowPrefix"/>, so "cease" finds ceasefire), earliest on a tie; null when none
    /// is that close.
    /// </summary>
    public static (string Word, int Distance)? Find(string typed, IEnumerable<string> candidates, bool allowPrefix = true)
    {
        var query = typed.Trim().ToLowerInvariant();
        if (query.Length == 0)
        {
            return null;
        }

        (string Word, int Distance)? best = null;
        foreach (var candidate in candidates)
        {
            var lower = candidate.ToLowerInvariant();
            if (Math.Abs(lower.Length - query.Length) > MaxDistance && !(allowPrefix && lower.StartsWith(query, StringComparison.Ordinal)))
            {
                continue; // Too many edits apart for any distance to count: skip the arithmetic (hostile input can be long).
            }

            var distance = PlaceNameKey.Closeness(query, lower, allowPrefix);
            if (distance <= MaxDistance && (best is null || distance < best.Value.Distance))
            {
                best = (candidate, distance);
            }
        }

        return best;
    }
}
