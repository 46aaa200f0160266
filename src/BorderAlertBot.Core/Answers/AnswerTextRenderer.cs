using System.Globalization;
using System.Text;
using BorderAlertBot.Alerting;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Answers;

/// <summary>Renders an <see cref="Answer"/> as plain text, laid out as the chat reply will look.</summary>
public static class AnswerTextRenderer
{
    public static string Render(Answer answer)
    {
        var text = new StringBuilder();
        text.AppendLine(answer.IsPrivate ? $"{answer.Title} (only you can see this)" : answer.Title);
        foreach (var block in answer.Blocks)
        {
            text.AppendLine();
            Append(text, block);
        }

        if (answer.Image is { } image)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"[chart: {image.FileName}] {image.AltText}");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>One line for an event: <c>[HIGH 4/5] Title · place · date · id · first source</c>.</summary>
    public static string Line(EventLine line)
    {
        var source = line.Source is { } url ? $" · {url}" : string.Empty;
        var retracted = Withdrawal.LineBanner(line.Status);
        return string.Create(CultureInfo.InvariantCulture,
            $"[{line.Severity.ToString().ToUpperInvariant()} {(int)line.Severity}/5] {retracted}{line.Title} · {line.Where} · {line.When} · {line.Id}{source}");
    }

    public static string Line(ConflictEvent conflictEvent) => Line(EventLine.Of(conflictEvent));

    private static void Append(StringBuilder text, AnswerBlock block)
    {
        switch (block)
        {
            case AnswerBlock.Paragraph paragraph:
                text.AppendLine(paragraph.Text);
                break;
            case AnswerBlock.Facts facts:
                if (facts.Heading is not null)
                {
                    text.AppendLine(facts.Heading);
                }

                foreach (var fact in facts.Items)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"{fact.Name}: {fact.Value}");
                }

                break;
            case AnswerBlock.EventList list:
                if (list.Heading is not null)
                {
                    text.AppendLine(list.Heading);
                }

                foreach (var line in list.Events)
                {
                    text.AppendLine("• " + Line(line));
                }

                break;
            case AnswerBlock.EventDetail detail:
                text.AppendLine(AlertTextRenderer.Render(detail.Event, Withdrawal.AlertKindOf(detail.Event.Status)));
                if (detail.Revisions.Count > 1)
                {
                    text.AppendLine("Revisions:");
                    foreach (var revision in detail.Revisions)
                    {
                        text.AppendLine(CultureInfo.InvariantCulture,
                            $"  {revision.Revision.Number} · {revision.Revision.At:yyyy-MM-dd HH:mm} UTC · {revision.Revision.By} · {string.Join("; ", revision.Revision.Changes)}");
                    }
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(block), block, "Unknown answer block.");
        }
    }
}
