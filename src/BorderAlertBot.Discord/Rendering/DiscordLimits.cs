using BorderAlertBot.Discord.Wire;

namespace BorderAlertBot.Discord.Rendering;

/// <summary>
/// Discord's message limits (platforms/discord.md §3). Lengths are Unicode code points after trimming leading and trailing
/// whitespace, as Discord counts them (§7.8); going over any of them gets a 400 with code 50035.
/// </summary>
public static class DiscordLimits
{
    public const int ContentLength = 2000;
    public const int EmbedsPerMessage = 10;
    public const int TitleLength = 256;
    public const int DescriptionLength = 4096;
    public const int FieldsPerEmbed = 25;
    public const int FieldNameLength = 256;
    public const int FieldValueLength = 1024;
    public const int FooterLength = 2048;
    public const int AuthorNameLength = 256;

    /// <summary>Titles, descriptions, field names and values, footers and author names of all embeds of a message together.</summary>
    public const int EmbedTotalLength = 6000;

    public const int ActionRowsPerMessage = 5;
    public const int ButtonsPerRow = 5;
    public const int CustomIdLength = 100;
    public const int ButtonLabelLength = 80;
    public const int AttachmentsPerMessage = 10;
    public const int AttachmentDescriptionLength = 1024;

    /// <summary>Code points of <paramref name="text"/> trimmed; a lone surrogate counts as one. Null counts as nothing.</summary>
    public static int Length(string? text)
    {
        if (text is null)
        {
            return 0;
        }

        var span = text.AsSpan().Trim();
        var count = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (!(char.IsLowSurrogate(span[i]) && i > 0 && char.IsHighSurrogate(span[i - 1])))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>What an embed counts toward <see cref="EmbedTotalLength"/>.</summary>
    public static int Length(Embed embed)
    {
        ArgumentNullException.ThrowIfNull(embed);
        return Length(embed.Title) + Length(embed.Description) + Length(embed.Footer?.Text)
            + (embed.Fields?.Sum(field => Length(field.Name) + Length(field.Value)) ?? 0);
    }

    public static int Length(IEnumerable<Embed>? embeds) => embeds?.Sum(Length) ?? 0;
}
