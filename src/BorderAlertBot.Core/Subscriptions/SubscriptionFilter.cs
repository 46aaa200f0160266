using BorderAlertBot.Domain;
using BorderAlertBot.Geography;

namespace BorderAlertBot.Subscriptions;

/// <summary>
/// Which events a subscription wants. An empty list means "any". <see cref="Exclusion"/> names the first filter that
/// rejects an event, so a channel can be told exactly why an alert did not come.
/// </summary>
public sealed record SubscriptionFilter(
    IReadOnlyList<EventKind> Kinds,
    IReadOnlyList<EventSubtype> Subtypes,
    IReadOnlyList<Region> Regions,
    Severity MinSeverity,
    bool VerifiedOnly,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Actors)
{
    public static SubscriptionFilter Everything { get; } = new([], [], [], Severity.Low, VerifiedOnly: true, [], []);

    /// <summary>The same verdict as <see cref="Exclusion"/>, without building the reason text (matching's hot path).</summary>
    public bool Matches(ConflictEvent conflictEvent) =>
        conflictEvent.Status is not (EventStatus.Rejected or EventStatus.Merged)
        && (!VerifiedOnly || conflictEvent.Status is EventStatus.Verified or EventStatus.Retracted)
        && (Kinds.Count == 0 || Kinds.Contains(conflictEvent.Kind))
        && (Subtypes.Count == 0 || Subtypes.Contains(conflictEvent.Subtype))
        && conflictEvent.Severity.Effective >= MinSeverity
        && (Regions.Count == 0 || Regions.Any(region => region.Contains(conflictEvent)))
        && MatchesText(conflictEvent);

    /// <summary>Whether the event passes the keyword and actor filters: the two that no index cell decides.</summary>
    public bool MatchesText(ConflictEvent conflictEvent)
    {
        var place = Keywords.Count > 0 ? conflictEvent.Location?.Describe() : null;
        return (Keywords.Count == 0 || Keywords.Any(keyword => Mentions(conflictEvent, place, keyword)))
            && (Actors.Count == 0 || Actors.Any(actor => Involves(conflictEvent, actor)));
    }

    /// <summary>Whether the keyword appears in the title, the summary or <paramref name="place"/> (the location described), ignoring case.</summary>
    internal static bool Mentions(ConflictEvent conflictEvent, string? place, string keyword) =>
        conflictEvent.Title.Contains(keyword, StringComparison.OrdinalIgnoreCase)
        || conflictEvent.Summary.Contains(keyword, StringComparison.OrdinalIgnoreCase)
        || (place?.Contains(keyword, StringComparison.OrdinalIgnoreCase) ?? false);

    /// <summary>Whether one of the event's actors has <paramref name="actor"/> as its short name or within its name, ignoring case.</summary>
    internal static bool Involves(ConflictEvent conflictEvent, string actor)
    {
        // A loop, not LINQ: the matcher asks this for every actor filter an event reaches.
        var involved = conflictEvent.Actors;
        for (var i = 0; i < involved.Count; i++)
        {
            if (involved[i].ShortName.Equals(actor, StringComparison.OrdinalIgnoreCase) || involved[i].Name.Contains(actor, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Null when the event passes every filter; otherwise the first filter that excludes it, in words.</summary>
    public string? Exclusion(ConflictEvent conflictEvent)
    {
        if (conflictEvent.Status is EventStatus.Rejected)
        {
            return "the event was rejected by a curator";
        }

        if (conflictEvent.Status is EventStatus.Merged)
        {
            return $"the event was merged into {conflictEvent.MergedInto?.ToString() ?? "another event"}, which carries its reports";
        }

        if (VerifiedOnly && conflictEvent.Status != EventStatus.Verified && conflictEvent.Status != EventStatus.Retracted)
        {
            return $"verified-only: the event is {conflictEvent.Status}";
        }

        if (Kinds.Count > 0 && !Kinds.Contains(conflictEvent.Kind))
        {
            return $"kind: {conflictEvent.Kind} is not one of {string.Join(", ", Kinds)}";
        }

        if (Subtypes.Count > 0 && !Subtypes.Contains(conflictEvent.Subtype))
        {
            return $"subtype: {conflictEvent.Subtype} is not one of {string.Join(", ", Subtypes)}";
        }

        if (Regions.Count > 0 && !Regions.Any(region => region.Contains(conflictEvent)))
        {
            return $"region: {conflictEvent.Location?.Describe() ?? "no location"} is outside {string.Join(", ", Regions)}";
        }

        if (conflictEvent.Severity.Effective < MinSeverity)
        {
            return $"min-severity: {conflictEvent.Severity.Effective} ({(int)conflictEvent.Severity.Effective}) is below {MinSeverity} ({(int)MinSeverity})";
        }

        if (Keywords.Count > 0 && !Keywords.Any(keyword => Mentions(conflictEvent, conflictEvent.Location?.Describe(), keyword)))
        {
            return $"keywords: none of {string.Join(", ", Keywords)} appears in the title, summary or place";
        }

        if (Actors.Count > 0 && !Actors.Any(actor => Involves(conflictEvent, actor)))
        {
            return $"actors: none of {string.Join(", ", Actors)} is involved";
        }

        return null;
    }
}
