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
        conflictEvent.Status != EventStatus.Rejected
        && (!VerifiedOnly || conflictEvent.Status is EventStatus.Verified or EventStatus.Retracted)
        && (Kinds.Count == 0 || Kinds.Contains(conflictEvent.Kind))
        && (Subtypes.Count == 0 || Subtypes.Contains(conflictEvent.Subtype))
        && conflictEvent.Severity.Effective >= MinSeverity
        && (Regions.Count == 0 || Regions.Any(region => region.Contains(conflictEvent)))
        && Exclusion(conflictEvent) is null;

    /// <summary>Null when the event passes every filter; otherwise the first filter that excludes it, in words.</summary>
    public string? Exclusion(ConflictEvent conflictEvent)
    {
        if (conflictEvent.Status is EventStatus.Rejected)
        {
            return "the event was rejected by a curator";
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

        if (Keywords.Count > 0 && !Keywords.Any(keyword => MentionsKeyword(conflictEvent, keyword)))
        {
            return $"keywords: none of {string.Join(", ", Keywords)} appears in the title, summary or place";
        }

        if (Actors.Count > 0 && !conflictEvent.Actors.Any(actor => Actors.Any(wanted =>
                actor.ShortName.Equals(wanted, StringComparison.OrdinalIgnoreCase)
                || actor.Name.Contains(wanted, StringComparison.OrdinalIgnoreCase))))
        {
            return $"actors: none of {string.Join(", ", Actors)} is involved";
        }

        return null;
    }

    private static bool MentionsKeyword(ConflictEvent conflictEvent, string keyword) =>
        conflictEvent.Title.Contains(keyword, StringComparison.OrdinalIgnoreCase)
        || conflictEvent.Summary.Contains(keyword, StringComparison.OrdinalIgnoreCase)
        || (conflictEvent.Location?.Describe().Contains(keyword, StringComparison.OrdinalIgnoreCase) ?? false);
}
