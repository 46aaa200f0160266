using System.Globalization;
using BorderAlertBot.Alerting;
using BorderAlertBot.Domain;
using BorderAlertBot.Slack.Wire;

namespace BorderAlertBot.Slack.Rendering;

/// <summary>
/// One event as Block Kit, with the facts <see cref="AlertTextRenderer"/> writes: a header (severity, UPDATED or
/// RETRACTED, title), a section (the severity line, why it was retracted, the summary, notes, what changed) with fields
/// (where, when, figures, actors), and a context (corroboration, sources, severity, id). Every text within its limit;
/// the section within <paramref name="sectionBudget"/>, which a long summary gives way to first.
/// </summary>
internal static class SlackEventBlocks
{
    public const int MaxSourceLinks = 6;

    private const int LineMax = 300;
    private const int ChangesMax = 600;
    private const int MinSummary = 16;
    private const int FieldMax = 600;
    private const int ContextMax = 300;

    public static IReadOnlyList<Block> Build(ConflictEvent conflictEvent, AlertKind kind, IReadOnlyList<string> notes, int sectionBudget)
    {
        var section = new SectionBlock
        {
            Text = TextObject.Mrkdwn(SectionText(conflictEvent, kind, notes, Math.Clamp(sectionBudget, 1, SlackLimits.SectionTextLength))),
            Fields = [.. Fields(conflictEvent).Take(SlackLimits.SectionFields).Select(TextObject.Mrkdwn)],
        };
        return [new HeaderBlock(TextObject.Plain(Header(conflictEvent, kind))), section, new ContextBlock(Context(conflictEvent))];
    }

    /// <summary>"🔴 UPDATED · Air strike near Laukkai", at most 150.</summary>
    public static string Header(ConflictEvent conflictEvent, AlertKind kind)
    {
        var banner = Emoji(conflictEvent, kind) + " " + kind switch
        {
            AlertKind.Updated => "UPDATED · ",
            AlertKind.Retracted => "RETRACTED · ",
            _ => string.Empty,
        };
        var title = SlackMrkdwn.Plain(conflictEvent.Title, SlackLimits.HeaderTextLength - banner.Length);
        return banner + (title.Length == 0 ? conflictEvent.Id.Value : title);
    }

    /// <summary>"[CRITICAL 5/5] UPDATED · Air strike near Laukkai · Laukkai, Shan, MM": one line, escaped.</summary>
    public static string Line(ConflictEvent conflictEvent, AlertKind kind, int maxLength)
    {
        var banner = kind switch
        {
            AlertKind.Updated => "UPDATED · ",
            AlertKind.Retracted => "RETRACTED · ",
            _ => string.Empty,
        };
        var severity = conflictEvent.Severity.Effective;
        var line = string.Create(CultureInfo.InvariantCulture, $"[{severity.ToString().ToUpperInvariant()} {(int)severity}/5] {banner}")
            + SlackMrkdwn.LiteralLine(conflictEvent.Title, LineMax) + " · " + SlackMrkdwn.LiteralLine(conflictEvent.Location?.Describe() ?? "no location", LineMax);
        return SlackMrkdwn.Truncate(line, maxLength);
    }

    public static string Emoji(ConflictEvent conflictEvent, AlertKind kind) =>
        kind == AlertKind.Retracted || conflictEvent.Status == EventStatus.Retracted
            ? "⚫"
            : conflictEvent.Severity.Effective switch
            {
                Severity.Critical => "🔴",
                Severity.High => "🟠",
                Severity.Significant => "🟡",
                Severity.Moderate => "🔵",
                _ => "⚪",
            };

    /// <summary>When it happened: a date token for an exact time (the reader's zone), the day or month as written otherwise.</summary>
    public static string When(Occurrence occurred) =>
        occurred.Precision == TimePrecision.Exact ? SlackMrkdwn.Date(occurred.At) : SlackMrkdwn.EscapeLine(occurred.Describe());

    private static string SectionText(ConflictEvent conflictEvent, AlertKind kind, IReadOnlyList<string> notes, int budget)
    {
        var severity = conflictEvent.Severity.Effective;
        var head = string.Create(CultureInfo.InvariantCulture,
            $"[{severity.ToString().ToUpperInvariant()} {(int)severity}/5] {AlertTextRenderer.Humanize(conflictEvent.Kind)} · {AlertTextRenderer.Humanize(conflictEvent.Subtype)}");
        List<string> before = ["*" + SlackMrkdwn.EscapeLine(head) + "*"];
        if (kind == AlertKind.Retracted)
        {
            before.Add("*Retracted:* " + SlackMrkdwn.LiteralLine(conflictEvent.StatusReason ?? "no reason given", LineMax));
        }

        List<string> after = [.. notes.Select(note => "⚠ " + SlackMrkdwn.LiteralLine(note, LineMax))];
        if (kind == AlertKind.Updated && conflictEvent.Revision.Changes.Count > 0)
        {
            after.Add(string.Create(CultureInfo.InvariantCulture, $"*What changed (revision {conflictEvent.Revision.Number}):* ")
                + SlackMrkdwn.LiteralLine(string.Join("; ", conflictEvent.Revision.Changes), ChangesMax));
        }

        var lines = before.Concat(after).ToList();
        var room = budget - lines.Sum(line => line.Length) - lines.Count;
        var summary = room >= MinSummary ? SlackMrkdwn.Literal(conflictEvent.Summary, room) : string.Empty;
        var text = string.Join("\n", summary.Length == 0 ? lines : [.. before, summary, .. after]);
        return SlackMrkdwn.Truncate(text, budget);
    }

    private static IEnumerable<string> Fields(ConflictEvent conflictEvent)
    {
        var where = SlackMrkdwn.LiteralLine(conflictEvent.Location?.Describe() ?? string.Empty, LineMax);
        var border = conflictEvent.Border is { } position
            ? position.DistanceKm is { } km
                ? string.Create(CultureInfo.InvariantCulture, $"\n{position.Pair} border, {km:0.#} km")
                : $"\n{position.Pair} border"
            : string.Empty;
        yield return Field("Where", (where.Length == 0 ? "no location" : where) + border);
        yield return Field("When", When(conflictEvent.Occurred));
        if (conflictEvent.Figures.Count > 0)
        {
            yield return Field("Figures", string.Join("\n", conflictEvent.Figures.Select(figure => SlackMrkdwn.LiteralLine(figure.Describe(), LineMax))));
        }

        if (conflictEvent.Actors.Count > 0)
        {
            yield return Field("Actors", string.Join(", ", conflictEvent.Actors.Select(actor => SlackMrkdwn.LiteralLine(actor.ShortName, 100))));
        }
    }

    private static string Field(string name, string value) => SlackMrkdwn.Truncate($"*{name}*\n{value}", FieldMax);

    private static List<TextObject> Context(ConflictEvent conflictEvent)
    {
        List<string> elements = ["*" + SlackMrkdwn.EscapeLine(conflictEvent.Corroboration) + "*"];
        elements.AddRange(conflictEvent.Sources.Take(MaxSourceLinks).Select(source => SlackMrkdwn.Link(source.Url, source.Name, 80)));
        if (conflictEvent.Sources.Count > MaxSourceLinks)
        {
            elements.Add(string.Create(CultureInfo.InvariantCulture, $"+{conflictEvent.Sources.Count - MaxSourceLinks} more"));
        }

        elements.Add("Severity: " + SlackMrkdwn.LiteralLine(conflictEvent.Severity.Describe(), ContextMax));
        elements.Add(SlackMrkdwn.EscapeLine(string.Create(CultureInfo.InvariantCulture, $"{conflictEvent.Id} · revision {conflictEvent.Revision.Number} · {conflictEvent.Status}")));
        return [.. elements
            .Where(element => element.Length > 0)
            .Take(SlackLimits.ContextElements)
            .Select(element => TextObject.Mrkdwn(SlackMrkdwn.Truncate(element, SlackLimits.ContextElementLength)))];
    }
}
