using BorderAlertBot.Domain;

namespace BorderAlertBot.Curation;

/// <summary>Says in words what changed between two revisions of an event ("status Verified → Retracted", "+ 120 trucks …").</summary>
public static class EventDiff
{
    public static IReadOnlyList<string> Describe(ConflictEvent before, ConflictEvent after)
    {
        var changes = new List<string>();
        if (before.Status != after.Status)
        {
            changes.Add(after.StatusReason is { Length: > 0 } reason
                ? $"status {before.Status} → {after.Status}: {reason}"
                : $"status {before.Status} → {after.Status}");
        }
        else if (before.StatusReason != after.StatusReason)
        {
            changes.Add("status reason changed");
        }

        Compare(changes, "kind", before.Kind, after.Kind);
        Compare(changes, "subtype", before.Subtype, after.Subtype);
        Compare(changes, "severity", before.Severity.Effective, after.Severity.Effective);
        if (before.Title != after.Title)
        {
            changes.Add("title changed");
        }

        if (before.Summary != after.Summary)
        {
            changes.Add("summary changed");
        }

        Compare(changes, "occurred", before.Occurred.Describe(), after.Occurred.Describe());
        Compare(changes, "location", before.Location?.Describe() ?? "none", after.Location?.Describe() ?? "none");
        if (before.Location?.Point != after.Location?.Point && before.Location?.Describe() == after.Location?.Describe())
        {
            changes.Add("coordinates changed");
        }

        Compare(changes, "border", before.Border?.Pair.ToString() ?? "none", after.Border?.Pair.ToString() ?? "none");
        AddedAndRemoved(changes, "actor", before.Actors.Select(actor => actor.ShortName), after.Actors.Select(actor => actor.ShortName));
        AddedAndRemoved(changes, "figure", before.Figures.Select(figure => figure.Describe()), after.Figures.Select(figure => figure.Describe()));
        AddedAndRemoved(changes, "source", before.Sources.Select(source => $"{source.Name} {source.Url}"), after.Sources.Select(source => $"{source.Name} {source.Url}"));
        AddedAndRemoved(changes, "external id", before.ExternalIds, after.ExternalIds);
        if (changes.Count == 0)
        {
            changes.Add("details changed");
        }

        return changes;
    }

    private static void Compare<T>(List<string> changes, string field, T before, T after)
    {
        if (!EqualityComparer<T>.Default.Equals(before, after))
        {
            changes.Add($"{field} {before} → {after}");
        }
    }

    private static void AddedAndRemoved(List<string> changes, string noun, IEnumerable<string> before, IEnumerable<string> after)
    {
        var old = before.ToHashSet(StringComparer.Ordinal);
        var now = after.ToHashSet(StringComparer.Ordinal);
        changes.AddRange(now.Where(item => !old.Contains(item)).Select(item => $"+ {noun}: {item}"));
        changes.AddRange(old.Where(item => !now.Contains(item)).Select(item => $"− {noun}: {item}"));
    }
}
