using System.Globalization;
using BorderAlertBot.Alerting;
using BorderAlertBot.Answers;
using BorderAlertBot.Domain;
using BorderAlertBot.Slack.Wire;

namespace BorderAlertBot.Slack.Rendering;

/// <summary>
/// A command's answer, or a digest, as one or more Slack messages, each within every limit (platforms/slack.md §4): a
/// header with the title (numbered "(2/3)" when split), then the blocks, packed up to 50 blocks and
/// <see cref="SlackLimits.MessageTextBudget"/> to a message; long paragraphs and event lists are split across sections
/// and messages, never cut. Nobody is mentioned. The messages do not say how they are sent: a private answer has
/// <see cref="SlackMessage.IsPrivate"/> on every message, and the chart rides on the first as
/// <see cref="SlackMessage.Chart"/> for the sender to upload.
/// </summary>
public static class SlackAnswerRenderer
{
    private const int EventLineMax = 600;
    private const int NumberingRoom = 12;

    public static IReadOnlyList<SlackMessage> Render(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var content = answer.Blocks.SelectMany(Blocks).ToList();
        var groups = Pack(content);
        var title = SlackMrkdwn.Plain(answer.Title, SlackLimits.HeaderTextLength - NumberingRoom);
        title = title.Length == 0 ? "—" : title;
        return [.. groups.Select((group, i) =>
        {
            var numbering = groups.Count == 1 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" ({i + 1}/{groups.Count})");
            List<Block> blocks = [new HeaderBlock(TextObject.Plain(title + numbering)), .. group];
            return new SlackMessage(Fallback(answer.Title, numbering, group), blocks)
            {
                IsPrivate = answer.IsPrivate,
                Chart = i == 0 ? answer.Image : null,
            };
        })];
    }

    /// <summary>In order, as many blocks to a message as fit beside the header; every block fits one on its own.</summary>
    private static List<List<Block>> Pack(List<Block> content)
    {
        var groups = new List<List<Block>> { new() };
        var total = 0;
        foreach (var block in content)
        {
            var length = Length(block);
            var full = groups[^1].Count == SlackLimits.BlocksPerMessage - 1
                || (groups[^1].Count > 0 && total + length > SlackLimits.MessageTextBudget - SlackLimits.HeaderTextLength);
            if (full)
            {
                groups.Add([]);
                total = 0;
            }

            groups[^1].Add(block);
            total += length;
        }

        return groups;
    }

    private static IEnumerable<Block> Blocks(AnswerBlock block) => block switch
    {
        AnswerBlock.Paragraph paragraph => Sections(SlackMrkdwn.Escape(paragraph.Text.Trim())),
        AnswerBlock.Facts facts => Facts(facts),
        AnswerBlock.EventList list => Heading(list.Heading).Concat(Sections(list.Events.Select(Line))),
        AnswerBlock.EventDetail detail => Detail(detail),
        _ => throw new ArgumentOutOfRangeException(nameof(block), block, "Unknown answer block."),
    };

    private static IEnumerable<Block> Facts(AnswerBlock.Facts facts)
    {
        var fields = facts.Items
            .Select(fact => SlackMrkdwn.Truncate("*" + SlackMrkdwn.LiteralLine(fact.Name, 200) + "*\n" + SlackMrkdwn.Literal(fact.Value, SlackLimits.FieldTextLength), SlackLimits.FieldTextLength))
            .Select(TextObject.Mrkdwn);
        return Heading(facts.Heading).Concat(fields.Chunk(SlackLimits.SectionFields).Select(chunk => new SectionBlock { Fields = chunk }));
    }

    private static IEnumerable<Block> Detail(AnswerBlock.EventDetail detail)
    {
        var conflictEvent = detail.Event;
        var kind = Withdrawal.AlertKindOf(conflictEvent.Status);
        var blocks = SlackEventBlocks.Build(conflictEvent, kind, [], SlackLimits.MessageTextBudget / 2);
        if (detail.Revisions.Count <= 1)
        {
            return blocks;
        }

        var revisions = detail.Revisions.Select(revision => SlackMrkdwn.Truncate(
            string.Create(CultureInfo.InvariantCulture, $"{revision.Revision.Number} · ") + SlackMrkdwn.Date(revision.Revision.At) + " · "
                + SlackMrkdwn.LiteralLine(revision.Revision.By, 100) + " · " + SlackMrkdwn.LiteralLine(string.Join("; ", revision.Revision.Changes), EventLineMax),
            EventLineMax));
        return blocks.Concat(Heading("Revisions")).Concat(Sections(revisions));
    }

    /// <summary>"• *[HIGH 4/5]* RETRACTED · &lt;source|title&gt; · place · date · id".</summary>
    private static string Line(EventLine line)
    {
        var title = SlackMrkdwn.LiteralLine(line.Title, 200);
        title = title.Length == 0 ? line.Id.Value : title;
        var linked = line.Source is { } url ? SlackMrkdwn.Link(url, line.Title.Trim().Length == 0 ? line.Id.Value : line.Title, 200) : title;
        var retracted = Withdrawal.LineBanner(line.Status);
        var text = string.Create(CultureInfo.InvariantCulture, $"• *[{line.Severity.ToString().ToUpperInvariant()} {(int)line.Severity}/5]* {retracted}")
            + linked + " · " + SlackMrkdwn.LiteralLine(line.Where, 200) + " · " + SlackMrkdwn.LiteralLine(line.When, 100) + " · " + line.Id.Value;
        return SlackMrkdwn.Truncate(text, EventLineMax);
    }

    private static IEnumerable<Block> Heading(string? heading) =>
        string.IsNullOrWhiteSpace(heading) ? [] : [new SectionBlock { Text = TextObject.Mrkdwn("*" + SlackMrkdwn.LiteralLine(heading, 300) + "*") }];

    private static IEnumerable<Block> Sections(string escaped) => Sections(escaped.Split('\n'));

    private static IEnumerable<Block> Sections(IEnumerable<string> lines) =>
        SlackTextSplitter.Pack(lines, SlackLimits.SectionTextLength).Select(text => new SectionBlock { Text = TextObject.Mrkdwn(text) });

    /// <summary>The title, then the message's texts, at most <see cref="SlackLimits.TextLength"/>.</summary>
    private static string Fallback(string title, string numbering, List<Block> blocks)
    {
        var texts = blocks.SelectMany(Texts).Where(text => text.Length > 0);
        var heading = SlackMrkdwn.LiteralLine(title, SlackLimits.HeaderTextLength) is { Length: > 0 } escaped ? escaped : "—";
        heading += numbering;
        return SlackMrkdwn.Truncate(string.Join("\n", [heading, .. texts]), SlackLimits.TextLength);
    }

    private static IEnumerable<string> Texts(Block block) => block switch
    {
        HeaderBlock header => [header.Text.Text],
        SectionBlock section => [.. section.Text is null ? [] : new[] { section.Text.Text }, .. section.Fields?.Select(field => field.Text) ?? []],
        ContextBlock context => [string.Join(" · ", context.Elements.Select(element => element.Text))],
        _ => [],
    };

    private static int Length(Block block) => Texts(block).Sum(text => text.Length);
}
