using System.Globalization;
using BorderAlertBot.Alerting;
using BorderAlertBot.Domain;
using BorderAlertBot.Slack.Wire;

namespace BorderAlertBot.Slack.Rendering;

/// <summary>
/// One event as Block Kit, with the facts <see cref="AlertTextRenderer"/> writes: a header (severity, UPDATED or
/// RETRACTED, title), a section (the severity line, why it was retracted, the summary, notes, what changed) with fields
/// (where, when, figures, actors), and a context (corroboration, sources, severity, id). Every text within its limit;
/// all of it within a budget, which a long summary gives way to first.
/// </summary>
internal static class SlackEventBlocks
{
    public const int MaxSourceLinks = 6;

    private const int LineMax = 300;
    private const int ChangesMax = 600;
    private const int MinSummary = 16;
    private const int FieldMax = 600;
    private const int ContextMax = 300;

    public static IReadOnlyList<Block> Build(ConflictEvent conflictEvent, AlertKind kind, IReadOnlyList<string> notes, int budget)
    {
        // Natural sizes first; over budget, every cap shrinks by a quarter until it fits (the floors always do: 810).
        IReadOnlyList<Block> blocks = [];
        for (var scale = 1.0; scale > 0.01; scale *= 0.75)
        {
            var caps = new Caps(
                Math.Clamp((int)(SlackLimits.SectionTextLength * scale), 100, Math.Max(100, budget)),
                Math.Max(40, (int)(FieldMax * scale)),
                Math.Max(40, (int)(ContextMax * scale)));
            blocks = Build(conflictEvent, kind, notes, caps);
            if (Length(blocks) <= budget)
            {
                break;
            }
        }

        return blocks;
    }

    /// <summary>The characters of every text in the blocks together.</summary>
    public static int Length(IEnumerable<Block> blocks) => blocks.Sum(block => block switch
    {
        HeaderBlock header => header.Text.Text.Length,
        SectionBlock section => (section.Text?.Text.Length ?? 0) + (section.Fields?.Sum(field => field.Text.Length) ?? 0),
        ContextBlock context => context.Elements.Sum(element => element.Text.Length),
        _ => 0,
    });

    private static IReadOnlyList<Block> Build(ConflictEvent conflictEvent, AlertKind kind, IReadOnlyList<string> notes, Caps caps)
    {
        var section = new SectionBlock
        {
            Text = TextObject.Mrkdwn(SectionText(conflictEvent, kind, notes, caps.Section)),
            Fields = [.. Fields(conflictEvent).Take(SlackLimits.SectionFields).Select(field => TextObject.Mrkdwn(SlackMrkdwn.Truncate(field, caps.Field)))],
        };
        return [new HeaderBlock(TextObject.Plain(Header(conflictEvent, kind))), section, new ContextBlock(Context(conflictEvent, caps.Context))];
    }

    /// <summary>"🔴 UPDATED · Air strike near Laukkai", at most 150.</summary>
    public static string Header(ConflictEvent conflictEvent, AlertKind kind)
    {
        var banner = Emoji(conflictEvent, kind) + " " + kind switch
        {
            AlertKind.Updated => "UPDATED · ",
            AlertKind.Retracted => Withdrawal.Banner(conflictEvent),
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
            AlertKind.Retracted => Withdrawal.Banner(conflictEvent),
            _ => string.Empty,
        };
        var severity = conflictEvent.Severity.Effective;
        var line = string.Create(CultureInfo.InvariantCulture, $"[{severity.ToString().ToUpperInvariant()} {(int)severity}/5] {banner}")
            + SlackMrkdwn.LiteralLine(conflictEvent.Title, LineMax) + " · " + SlackMrkdwn.LiteralLine(conflictEvent.Location?.Describe() ?? "no location", LineMax);
        return SlackMrkdwn.Truncate(line, maxLength);
    }

    public static string Emoji(ConflictEvent conflictEvent, AlertKind kind) =>
        kind == AlertKind.Retracted || conflictEvent.Status.IsWithdrawn()
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
            before.Add("*" + Withdrawal.Word(conflictEvent) + ":* " + SlackMrkdwn.LiteralLine(Withdrawal.Reason(conflictEvent), LineMax));
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

    private static string Field(string name, string value) => SlackMrkdwn.Truncate($"*{name}*\n{value}", SlackLimits.FieldTextLength);

    private static List<TextObject> Context(ConflictEvent conflictEvent, int cap)
    {
        List<string> elements = ["*" + SlackMrkdwn.EscapeLine(conflictEvent.Corroboration) + "*"];
        elements.AddRange(conflictEvent.Sources.Take(MaxSourceLinks).Select(source => SlackMrkdwn.Link(source.Url, source.Name, 80) is var link && link.Length <= cap
            ? link
            : SlackMrkdwn.LiteralLine(source.Name.Trim().Length == 0 ? source.Outlet : source.Name, cap)));
        if (conflictEvent.Sources.Count > MaxSourceLinks)
        {
            elements.Add(string.Create(CultureInfo.InvariantCulture, $"+{conflictEvent.Sources.Count - MaxSourceLinks} more"));
        }

        elements.Add("Severity: " + SlackMrkdwn.LiteralLine(conflictEvent.Severity.Describe(), ContextMax));
        // The id in a code span rather than fenced: readers copy it into /border event, and an id is [a-z0-9_-] only.
        elements.Add(string.Create(CultureInfo.InvariantCulture, $"`{conflictEvent.Id}` · revision {conflictEvent.Revision.Number} · {conflictEvent.Status}"));
        return [.. elements
            .Where(element => element.Length > 0)
            .Take(SlackLimits.ContextElements)
            .Select(element => TextObject.Mrkdwn(SlackMrkdwn.Truncate(element, Math.Min(cap, SlackLimits.ContextElementLength))))];
    }

    /// <summary>The most characters the section text, each field and each context element may have.</summary>
    private sealed record Caps(int Section, int Field, int Context);
}
