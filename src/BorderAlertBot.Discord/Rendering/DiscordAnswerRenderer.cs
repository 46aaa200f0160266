using System.Text;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Alerting;
using BorderAlertBot.Answers;
using BorderAlertBot.Discord.Wire;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Discord.Rendering;

/// <summary>
/// A command's answer as one or more Discord messages, each within every limit (platforms/discord.md §3): embeds packed
/// ten and 6,000 characters to a message, the chart as <c>files[0]</c> shown in the first message's last embed, nobody
/// pinged, and a private answer flagged ephemeral on every message (the caller clears it where that is not allowed).
/// </summary>
public static class DiscordAnswerRenderer
{
    /// <summary>EPHEMERAL: only whoever asked sees the message.</summary>
    public const int EphemeralFlag = 64;

    public static IReadOnlyList<DiscordMessage> Render(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        List<Embed> embeds = answer.IsProblem ? [Problem(answer)] : AnswerEmbeds.Of(answer);
        var groups = Pack(embeds);
        var flags = answer.IsPrivate ? EphemeralFlag : (int?)null;
        var chart = answer.Image is { } image ? Chart(image) : null;
        if (chart is not null)
        {
            var first = groups[0];
            first[^1] = first[^1] with { Image = new EmbedImage("attachment://" + chart.FileName) };
        }

        return [.. groups.Select((group, i) => new DiscordMessage(
            new MessagePayload
            {
                Embeds = group,
                AllowedMentions = AllowedMentions.None,
                Flags = flags,
                Attachments = i == 0 && chart is not null ? [new AttachmentInfo(0, chart.FileName, chart.Description)] : null,
            },
            i == 0 && chart is not null ? [chart] : []))];
    }

    /// <summary>In order, as many embeds to a message as fit ten and 6,000 characters; every embed fits one on its own.</summary>
    private static List<List<Embed>> Pack(List<Embed> embeds)
    {
        var groups = new List<List<Embed>> { new() };
        var total = 0;
        foreach (var embed in embeds)
        {
            var length = DiscordLimits.Length(embed);
            if (groups[^1].Count == DiscordLimits.EmbedsPerMessage || (groups[^1].Count > 0 && total + length > DiscordLimits.EmbedTotalLength))
            {
                groups.Add([]);
                total = 0;
            }

            groups[^1].Add(embed);
            total += length;
        }

        return groups;
    }

    /// <summary>One embed in a muted colour: the answer's text, escaped, as its description.</summary>
    private static Embed Problem(Answer answer)
    {
        var text = new StringBuilder();
        foreach (var block in answer.Blocks)
        {
            text.Append(PlainText(block)).Append("\n\n");
        }

        var title = DiscordMarkdown.Literal(answer.Title, DiscordLimits.TitleLength);
        var description = DiscordMarkdown.Literal(text.ToString(), DiscordLimits.DescriptionLength);
        return new Embed
        {
            Title = title.Length == 0 ? null : title,
            Description = description.Length == 0 ? "—" : description,
            Color = DiscordColors.Problem,
        };
    }

    private static string PlainText(AnswerBlock block) => block switch
    {
        AnswerBlock.Paragraph paragraph => paragraph.Text,
        AnswerBlock.Facts facts => string.Join("\n", (facts.Heading is null ? [] : new[] { facts.Heading }).Concat(facts.Items.Select(fact => $"{fact.Name}: {fact.Value}"))),
        AnswerBlock.EventList list => string.Join("\n", (list.Heading is null ? [] : new[] { list.Heading }).Concat(list.Events.Select(AnswerTextRenderer.Line))),
        AnswerBlock.EventDetail detail => AlertTextRenderer.Render(detail.Event, Withdrawal.AlertKindOf(detail.Event.Status)),
        _ => throw new ArgumentOutOfRangeException(nameof(block), block, "Unknown answer block."),
    };

    /// <summary>The chart PNG with a name <c>attachment://</c> can refer to, and its alt text as the attachment's description.</summary>
    private static DiscordFile Chart(ChartImage image)
    {
        var name = new string([.. image.FileName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_')]).Trim('.');
        name = name.Length == 0 ? "chart.png" : name;
        name = name.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? name : name + ".png";
        var alt = DiscordMarkdown.Truncate(image.AltText, DiscordLimits.AttachmentDescriptionLength);
        return new DiscordFile(name, "image/png", image.Png, alt.Length == 0 ? null : alt);
    }
}
