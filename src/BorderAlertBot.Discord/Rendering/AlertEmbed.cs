using System.Globalization;
using BorderAlertBot.Alerting;
using BorderAlertBot.Discord.Wire;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Discord.Rendering;

/// <summary>
/// One event as an embed, with the facts <see cref="AlertTextRenderer"/> writes, within a budget of characters counted
/// as Discord counts them (<see cref="DiscordLimits.Length(Embed)"/>). Over budget, the summary is cut first, then the
/// rest of the description down to <see cref="DescriptionFloor"/>, then the fields share what is left.
/// </summary>
internal static class AlertEmbed
{
    /// <summary>How much description an embed keeps before its fields are cut.</summary>
    public const int DescriptionFloor = 600;

    private const int FooterMax = 300;
    private const int LineMax = 300;

    public static Embed Build(ConflictEvent conflictEvent, AlertKind kind, IReadOnlyList<string> notes, int budget, IReadOnlyList<FieldDraft>? extraFields = null)
    {
        var title = Title(conflictEvent, kind);
        var footer = Footer(conflictEvent);
        var description = AlertDescription.Of(conflictEvent, kind, notes);
        List<FieldDraft> drafts = [.. Fields(conflictEvent), .. extraFields ?? []];
        var text = description.Render(DiscordLimits.DescriptionLength);
        var values = drafts.Select(draft => draft.NaturalValue).ToList();

        var fixedLength = DiscordLimits.Length(title) + DiscordLimits.Length(footer) + drafts.Sum(draft => draft.NameLength);
        if (fixedLength + Sum(values) + DiscordLimits.Length(text) > budget)
        {
            var room = Math.Max(Math.Min(DiscordLimits.Length(text), DescriptionFloor), budget - fixedLength - Sum(values));
            text = description.Render(room);
        }

        if (fixedLength + Sum(values) + DiscordLimits.Length(text) > budget)
        {
            values = Share(drafts, values, budget - fixedLength - DiscordLimits.Length(text));
        }

        var fields = drafts.Select((draft, i) => new EmbedField(draft.Name, values[i], draft.Inline)).ToList();
        var embed = new Embed
        {
            Title = title,
            Description = text.Length == 0 ? null : text,
            Color = kind == AlertKind.Retracted || conflictEvent.Status.IsWithdrawn()
                ? DiscordColors.Grey
                : DiscordColors.Of(conflictEvent.Severity.Effective),
            Fields = fields,
            Footer = new EmbedFooter(footer),
        };
        return Enforce(embed, description, budget);
    }

    /// <summary>The event title, escaped, after <c>UPDATED · </c> or <c>RETRACTED · </c>.</summary>
    public static string Title(ConflictEvent conflictEvent, AlertKind kind)
    {
        var banner = kind switch
        {
            AlertKind.Updated => "UPDATED · ",
            AlertKind.Retracted => Withdrawal.Banner(conflictEvent),
            _ => string.Empty,
        };
        var title = DiscordMarkdown.Literal(conflictEvent.Title, DiscordLimits.TitleLength - banner.Length);
        return banner + (title.Length == 0 ? conflictEvent.Id.Value : title);
    }

    private static IEnumerable<FieldDraft> Fields(ConflictEvent conflictEvent)
    {
        if (conflictEvent.Figures.Count > 0)
        {
            yield return new FieldDraft("Figures", [.. conflictEvent.Figures.Select(figure => DiscordMarkdown.Literal(figure.Describe(), LineMax))], "\n", Inline: true);
        }

        if (conflictEvent.Actors.Count > 0)
        {
            yield return new FieldDraft("Actors", [.. conflictEvent.Actors.Select(actor => DiscordMarkdown.Literal(actor.ShortName, 100))], ", ", Inline: true);
        }

        yield return new FieldDraft(
            $"Sources ({conflictEvent.Corroboration})",
            [.. conflictEvent.Sources.Select(source => DiscordMarkdown.Link(source.Name, source.Url))],
            "\n");
    }

    /// <summary>Plain text: Discord shows footers without markdown, so nothing in it needs escaping.</summary>
    private static string Footer(ConflictEvent conflictEvent)
    {
        var footer = string.Create(CultureInfo.InvariantCulture, $"{conflictEvent.Id} · revision {conflictEvent.Revision.Number} · {conflictEvent.Status}");
        if (conflictEvent.Severity.Override is { } curatorOverride)
        {
            footer += $"\nSeverity set by curator ({curatorOverride.Reason}); rules say {conflictEvent.Severity.Computed}.";
        }

        return DiscordMarkdown.Truncate(footer, FooterMax);
    }

    /// <summary>Values cut to share <paramref name="room"/>: the shortest first, each taking at most an equal part of what is left.</summary>
    private static List<string> Share(List<FieldDraft> drafts, List<string> values, int room)
    {
        var shared = new List<string>(values);
        var left = Math.Max(0, room);
        var order = Enumerable.Range(0, drafts.Count).OrderBy(i => DiscordLimits.Length(values[i])).ToList();
        for (var n = 0; n < order.Count; n++)
        {
            var i = order[n];
            var share = left / (order.Count - n);
            shared[i] = drafts[i].ToField(Math.Min(share, DiscordLimits.Length(values[i]))).Value;
            left = Math.Max(0, left - DiscordLimits.Length(shared[i]));
        }

        return shared;
    }

    /// <summary>For budgets too small for the layout above: the description shrinks, then fields go from the end, then the title.</summary>
    private static Embed Enforce(Embed embed, AlertDescription description, int budget)
    {
        while (DiscordLimits.Length(embed) > budget)
        {
            var over = DiscordLimits.Length(embed) - budget;
            if (embed.Description is { } text)
            {
                var shorter = description.Render(Math.Max(0, DiscordLimits.Length(text) - over));
                embed = embed with { Description = shorter.Length == 0 ? null : shorter };
            }
            else if (embed.Fields is { Count: > 0 } fields)
            {
                embed = embed with { Fields = [.. fields.Take(fields.Count - 1)] };
            }
            else
            {
                var footer = DiscordMarkdown.Truncate(embed.Footer?.Text ?? string.Empty, Math.Max(0, DiscordLimits.Length(embed.Footer?.Text) - over));
                embed = footer.Length > 0
                    ? embed with { Footer = new EmbedFooter(footer) }
                    : embed with { Footer = null, Title = DiscordMarkdown.Truncate(embed.Title ?? string.Empty, Math.Max(1, budget)) };
            }
        }

        return embed;
    }

    private static int Sum(List<string> values) => values.Sum(DiscordLimits.Length);
}
