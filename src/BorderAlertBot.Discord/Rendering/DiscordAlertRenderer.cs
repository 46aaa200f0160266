using System.Globalization;
using BorderAlertBot.Delivery;
using BorderAlertBot.Discord.Wire;

namespace BorderAlertBot.Discord.Rendering;

/// <summary>
/// An alert message as a Discord message body: one embed per entry, a <c>Why?</c> button per entry and <c>Mute 8h</c>,
/// and the configured role or user as the only mention (platforms/discord.md §3, ARCHITECTURE.md §5 and §13). In the
/// curators' channel each pending entry has <c>Approve</c> and <c>Reject</c> instead, and a decided one no buttons.
/// </summary>
public static class DiscordAlertRenderer
{
    /// <summary>Entries per message for the dispatcher: three of the largest events fit every limit.</summary>
    public const int MaxEntriesPerMessage = 3;

    /// <summary>
    /// Characters each embed may count toward <see cref="DiscordLimits.EmbedTotalLength"/>: three of them stay within 6,000.
    /// More entries than <see cref="MaxEntriesPerMessage"/> share the same total.
    /// </summary>
    public const int EmbedBudget = 1950;

    public const string MuteCustomId = "mute:8h";

    public const string WhyCustomIdPrefix = "why:";

    public const string ApproveCustomIdPrefix = "approve:";

    public const string RejectCustomIdPrefix = "reject:";

    public static MessagePayload Render(AlertMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var entries = message.Entries;
        if (entries.Count is 0 or > DiscordLimits.EmbedsPerMessage)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"An alert message has 1 to {DiscordLimits.EmbedsPerMessage} entries, not {entries.Count}."),
                nameof(message));
        }

        var budget = Math.Min(EmbedBudget, EmbedBudget * MaxEntriesPerMessage / entries.Count);
        var mention = DiscordMention.TryParse(message.Mention);
        return new MessagePayload
        {
            Content = mention?.Markup,
            Embeds = [.. entries.Select(entry => AlertEmbed.Build(entry.Event, entry.Kind, entry.Notes, budget))],
            AllowedMentions = mention?.Allowed ?? AllowedMentions.None,
            Components = message.ForCurators ? CuratorRows(entries) : Rows(entries),
        };
    }

    /// <summary><c>Approve</c> and <c>Reject</c> (numbered when there are several) for each entry still pending.</summary>
    private static List<ActionRow> CuratorRows(IReadOnlyList<AlertEntry> entries)
    {
        var buttons = new List<Button>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Event.Status != Domain.EventStatus.Pending)
            {
                continue;
            }

            var number = entries.Count == 1 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" ({i + 1})");
            var id = entries[i].Event.Id.Value;
            buttons.Add(new Button("Approve" + number, ApproveCustomIdPrefix + id, Style: 3));
            buttons.Add(new Button("Reject" + number, RejectCustomIdPrefix + id, Style: 4));
        }

        return [.. buttons.Chunk(DiscordLimits.ButtonsPerRow).Select(row => new ActionRow(row))];
    }

    /// <summary><c>Why?</c> (or <c>Why? (n)</c> when there are several) per entry, then <c>Mute 8h</c>, five to a row.</summary>
    private static List<ActionRow> Rows(IReadOnlyList<AlertEntry> entries)
    {
        var buttons = new List<Button>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var customId = WhyCustomIdPrefix + entries[i].Event.Id.Value;
            if (seen.Add(customId))
            {
                buttons.Add(new Button(entries.Count == 1 ? "Why?" : string.Create(CultureInfo.InvariantCulture, $"Why? ({i + 1})"), customId));
            }
        }

        buttons.Add(new Button("Mute 8h", MuteCustomId));
        return [.. buttons.Chunk(DiscordLimits.ButtonsPerRow).Select(row => new ActionRow(row))];
    }
}
