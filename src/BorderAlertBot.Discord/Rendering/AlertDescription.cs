using System.Globalization;
using BorderAlertBot.Alerting;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Discord.Rendering;

/// <summary>
/// An alert embed's description: the lines around the summary are kept whole (each capped), and the summary takes the room
/// that is left, so a long summary never pushes out a note, what changed or why it was retracted.
/// </summary>
internal sealed record AlertDescription(IReadOnlyList<string> Before, string Summary, IReadOnlyList<string> After)
{
    private const int LineMax = 300;
    private const int ChangesMax = 600;
    private const int MinSummary = 16;

    public static AlertDescription Of(ConflictEvent conflictEvent, AlertKind kind, IReadOnlyList<string> notes)
    {
        var severity = conflictEvent.Severity.Effective;
        List<string> before =
        [
            string.Create(CultureInfo.InvariantCulture,
                $"**[{severity.ToString().ToUpperInvariant()} {(int)severity}/5] {AlertTextRenderer.Humanize(conflictEvent.Kind)} · {AlertTextRenderer.Humanize(conflictEvent.Subtype)}**"),
        ];
        if (kind == AlertKind.Retracted)
        {
            before.Add(Withdrawal.Word(conflictEvent) + ": " + DiscordMarkdown.Literal(Withdrawal.Reason(conflictEvent), LineMax));
        }

        before.Add(Place(conflictEvent));
        List<string> after = [.. notes.Select(note => "⚠ " + DiscordMarkdown.Literal(note, LineMax))];
        if (kind == AlertKind.Updated && conflictEvent.Revision.Changes.Count > 0)
        {
            after.Add(string.Create(CultureInfo.InvariantCulture, $"What changed (revision {conflictEvent.Revision.Number}): ")
                + DiscordMarkdown.Literal(string.Join("; ", conflictEvent.Revision.Changes), ChangesMax));
        }

        return new AlertDescription(before, conflictEvent.Summary, after);
    }

    /// <summary>At most <paramref name="max"/> code points (and never over the description limit).</summary>
    public string Render(int max)
    {
        max = Math.Clamp(max, 0, DiscordLimits.DescriptionLength);
        var lines = Before.Concat(After).ToList();
        var summaryRoom = max - lines.Sum(DiscordLimits.Length) - lines.Count;
        var summary = summaryRoom >= MinSummary ? DiscordMarkdown.Literal(Summary, summaryRoom) : string.Empty;
        var text = string.Join("\n", summary.Length == 0 ? lines : [.. Before, summary, .. After]);
        return DiscordLimits.Length(text) <= max ? text : DiscordMarkdown.Truncate(text, max);
    }

    /// <summary>"Laukkai, Shan-North, MM · CN-MM border, 2.3 km · 2024-01-05": the place is the source's, the rest ours.</summary>
    private static string Place(ConflictEvent conflictEvent)
    {
        var where = DiscordMarkdown.Literal(conflictEvent.Location?.Describe() ?? string.Empty, LineMax);
        where = where.Length == 0 ? "no location" : where;
        var border = conflictEvent.Border is { } position
            ? position.DistanceKm is { } km
                ? string.Create(CultureInfo.InvariantCulture, $" · {position.Pair} border, {km:0.#} km")
                : $" · {position.Pair} border"
            : string.Empty;
        return $"{where}{border} · {conflictEvent.Occurred.Describe()}";
    }
}
