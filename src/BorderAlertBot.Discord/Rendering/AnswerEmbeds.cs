using System.Globalization;
using System.Text;
using BorderAlertBot.Alerting;
using BorderAlertBot.Answers;
using BorderAlertBot.Discord.Wire;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Discord.Rendering;

/// <summary>
/// An answer's blocks as embeds in reading order, each within Discord's limits: paragraphs and event lists fill
/// descriptions (continued in another embed past 4,096), facts become fields (continued past 25), a heading starts an
/// embed of its own, and an event in full is an alert embed. Text after fields starts a new embed, since Discord shows
/// the description above the fields.
/// </summary>
internal sealed class AnswerEmbeds
{
    private const int InlineNameMax = 32;
    private const int InlineValueMax = 48;
    private const int LineTitleMax = 200;
    private const int LineWhereMax = 120;

    private readonly List<Embed> _done = [];
    private readonly StringBuilder _description = new();
    private readonly List<EmbedField> _fields = [];
    private string? _title;
    private int _descriptionLength;
    private int _fieldsLength;

    private AnswerEmbeds(string title)
    {
        var escaped = DiscordMarkdown.Literal(title, DiscordLimits.TitleLength);
        _title = escaped.Length == 0 ? null : escaped;
    }

    private bool IsBlank => _descriptionLength == 0 && _fields.Count == 0;

    private int Length => DiscordLimits.Length(_title) + _descriptionLength + _fieldsLength;

    public static List<Embed> Of(Answer answer)
    {
        var embeds = new AnswerEmbeds(answer.Title);
        foreach (var block in answer.Blocks)
        {
            embeds.Add(block);
        }

        embeds.Next();
        return embeds._done.Count > 0 ? embeds._done : [new Embed { Description = "—", Color = DiscordColors.Answer }];
    }

    /// <summary><c>**[HIGH 4/5]** title · where · when · `evt_id` · [source](url)</c>, the source's words escaped.</summary>
    public static string Line(EventLine line)
    {
        var retracted = Withdrawal.LineBanner(line.Status);
        var source = line.Source is { } url && DiscordMarkdown.Link("source", url) is { } link && link.StartsWith('[') ? " · " + link : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"**[{line.Severity.ToString().ToUpperInvariant()} {(int)line.Severity}/5]** {retracted}")
            + DiscordMarkdown.Literal(line.Title, LineTitleMax) + " · " + DiscordMarkdown.Literal(line.Where, LineWhereMax)
            + $" · {DiscordMarkdown.Truncate(line.When, 40)} · `{line.Id}`{source}";
    }

    private void Add(AnswerBlock block)
    {
        switch (block)
        {
            case AnswerBlock.Paragraph paragraph:
                AddParagraph(paragraph.Text);
                break;
            case AnswerBlock.Facts facts:
                AddFacts(facts);
                break;
            case AnswerBlock.EventList list:
                AddEventList(list);
                break;
            case AnswerBlock.EventDetail detail:
                AddDetail(detail);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(block), block, "Unknown answer block.");
        }
    }

    private void AddParagraph(string text)
    {
        if (_fields.Count > 0)
        {
            Next();
        }

        foreach (var chunk in MarkdownSplitter.Split(DiscordMarkdown.Escape(text.Trim()), DiscordLimits.DescriptionLength))
        {
            AppendDescription(chunk, "\n\n");
        }
    }

    private void AddFacts(AnswerBlock.Facts facts)
    {
        if (facts.Heading is { } heading)
        {
            StartBlock(heading);
        }

        foreach (var fact in facts.Items)
        {
            var name = OrDash(DiscordMarkdown.Literal(fact.Name, DiscordLimits.FieldNameLength));
            var value = OrDash(DiscordMarkdown.Literal(fact.Value, DiscordLimits.FieldValueLength));
            var inline = DiscordLimits.Length(name) <= InlineNameMax && DiscordLimits.Length(value) <= InlineValueMax && !value.Contains('\n');
            AddField(new EmbedField(name, value, inline));
        }
    }

    private void AddEventList(AnswerBlock.EventList list)
    {
        var separator = "\n\n";
        if (list.Heading is { } heading)
        {
            separator = StartBlock(heading) ? "\n" : separator;
        }
        else if (_fields.Count > 0)
        {
            Next();
        }

        foreach (var line in list.Events)
        {
            AppendDescription(Line(line), separator);
            separator = "\n";
        }
    }

    /// <summary>The event as its alert shows it, with its revisions; it takes the place of an embed that has only the answer's title.</summary>
    private void AddDetail(AnswerBlock.EventDetail detail)
    {
        var conflictEvent = detail.Event;
        List<FieldDraft> revisions = detail.Revisions.Count == 0 ? [] : [new FieldDraft("Revisions", [.. detail.Revisions.Select(Revision)], "\n", KeepLast: true)];
        var kind = Withdrawal.AlertKindOf(conflictEvent.Status);
        var embed = AlertEmbed.Build(conflictEvent, kind, [], DiscordLimits.EmbedTotalLength, revisions);
        if (IsBlank)
        {
            if (_title is not null && _title != DiscordMarkdown.Literal(conflictEvent.Title, DiscordLimits.TitleLength))
            {
                embed = embed with { Title = _title };
            }

            Reset();
        }
        else
        {
            Next();
        }

        _done.Add(embed);
    }

    /// <summary><c>2 · 2024-01-06 09:30 UTC · curator · fatalities 3 → 7</c>.</summary>
    private static string Revision(ConflictEvent revision)
    {
        var info = revision.Revision;
        List<string> parts =
        [
            string.Create(CultureInfo.InvariantCulture, $"{info.Number} · {info.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC"),
            DiscordMarkdown.Literal(info.By, 80),
            DiscordMarkdown.Literal(string.Join("; ", info.Changes), 300),
        ];
        return string.Join(" · ", parts.Where(part => part.Length > 0));
    }

    /// <summary>A heading titles a new embed, or, when the current one has only the answer's title, leads its description. True for the latter.</summary>
    private bool StartBlock(string heading)
    {
        var title = DiscordMarkdown.Literal(heading, DiscordLimits.TitleLength);
        if (title.Length == 0)
        {
            return false;
        }

        if (!IsBlank)
        {
            Next();
        }

        if (_title is null)
        {
            _title = title;
            return false;
        }

        AppendDescription($"**{title}**", string.Empty);
        return true;
    }

    private void AppendDescription(string chunk, string separator)
    {
        if (_fields.Count > 0)
        {
            Next();
        }

        var length = DiscordLimits.Length(chunk);
        var gap = _descriptionLength == 0 ? string.Empty : separator;
        if (_descriptionLength + gap.Length + length > DiscordLimits.DescriptionLength
            || Length + gap.Length + length > DiscordLimits.EmbedTotalLength)
        {
            Next();
            gap = string.Empty;
        }

        _description.Append(gap).Append(chunk);
        _descriptionLength += gap.Length + length;
    }

    private void AddField(EmbedField field)
    {
        var length = DiscordLimits.Length(field.Name) + DiscordLimits.Length(field.Value);
        if (_fields.Count == DiscordLimits.FieldsPerEmbed || Length + length > DiscordLimits.EmbedTotalLength)
        {
            Next();
        }

        _fields.Add(field);
        _fieldsLength += length;
    }

    /// <summary>Closes the current embed, if it has anything, and starts an untitled one.</summary>
    private void Next()
    {
        if (_title is not null || !IsBlank)
        {
            _done.Add(new Embed
            {
                Title = _title,
                Description = _descriptionLength == 0 ? null : _description.ToString(),
                Fields = _fields.Count == 0 ? null : [.. _fields],
                Color = DiscordColors.Answer,
            });
        }

        Reset();
    }

    private void Reset()
    {
        _title = null;
        _description.Clear();
        _descriptionLength = 0;
        _fields.Clear();
        _fieldsLength = 0;
    }

    private static string OrDash(string text) => text.Length == 0 ? "—" : text;
}
