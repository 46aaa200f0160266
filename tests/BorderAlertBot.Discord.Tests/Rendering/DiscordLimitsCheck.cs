using System.Globalization;
using BorderAlertBot.Discord.Wire;

namespace BorderAlertBot.Discord.Tests.Rendering;

/// <summary>
/// Every limit of platforms/discord.md §3 that a message body can break, counted on its own (trimmed, in code points) so
/// that it does not lean on the renderers' counting. An empty list means Discord would accept the body.
/// </summary>
public static class DiscordLimitsCheck
{
    private static readonly int[] AllowedFlags = [4, 64, 4096];

    public static IReadOnlyList<string> Problems(MessagePayload payload)
    {
        var problems = new List<string>();
        void Check(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }

        Check(payload.AllowedMentions is not null, "allowed_mentions is missing");
        if (payload.AllowedMentions is { } mentions)
        {
            Check(!(mentions.Parse.Contains("roles") && mentions.Roles is not null), "parse has roles and a roles list");
            Check(!(mentions.Parse.Contains("users") && mentions.Users is not null), "parse has users and a users list");
            Check((mentions.Roles?.Count ?? 0) <= 100 && (mentions.Users?.Count ?? 0) <= 100, "more than 100 mentioned ids");
        }

        Check(CodePoints(payload.Content) <= 2000, $"content has {CodePoints(payload.Content)} code points");
        Check(payload.Content is { Length: > 0 } || payload.Embeds is { Count: > 0 } || payload.Components is { Count: > 0 }, "the message is empty");
        var embeds = payload.Embeds ?? [];
        Check(embeds.Count <= 10, $"{embeds.Count} embeds");
        var total = 0;
        for (var i = 0; i < embeds.Count; i++)
        {
            total += CheckEmbed(embeds[i], $"embed {i}", Check);
        }

        Check(total <= 6000, $"the embeds have {total} code points together");
        var urls = embeds.Where(embed => embed.Url is not null).Select(embed => embed.Url).ToList();
        Check(urls.Count == urls.Distinct().Count(), "two embeds share a url");
        CheckComponents(payload.Components ?? [], Check);
        Check((payload.Attachments?.Count ?? 0) <= 10, "more than 10 attachments");
        foreach (var attachment in payload.Attachments ?? [])
        {
            Check(CodePoints(attachment.Description) <= 1024, $"attachment {attachment.Id}'s description is too long");
        }

        Check(payload.Flags is null || AllowedFlags.Contains(payload.Flags.Value), $"flags {payload.Flags}");
        Check(payload.Nonce is null || payload.Nonce.Length <= 25, "nonce over 25 characters");
        return problems;
    }

    /// <summary>Code points after trimming, as Discord counts.</summary>
    public static int CodePoints(string? text) => text is null ? 0 : text.Trim().EnumerateRunes().Count();

    private static int CheckEmbed(Embed embed, string where, Action<bool, string> check)
    {
        var fields = embed.Fields ?? [];
        check(CodePoints(embed.Title) <= 256, $"{where}: title has {CodePoints(embed.Title)} code points");
        check(CodePoints(embed.Description) <= 4096, $"{where}: description has {CodePoints(embed.Description)} code points");
        check(fields.Count <= 25, $"{where}: {fields.Count} fields");
        check(CodePoints(embed.Footer?.Text) <= 2048, $"{where}: footer has {CodePoints(embed.Footer?.Text)} code points");
        check(embed.Color is null or >= 0 and <= 0xFFFFFF, $"{where}: colour {embed.Color}");
        check(embed.Title is not null || embed.Description is not null || fields.Count > 0 || embed.Image is not null, $"{where}: empty embed");
        foreach (var text in new[] { embed.Title, embed.Description, embed.Footer?.Text }.Concat(fields.SelectMany(field => new[] { field.Name, field.Value })))
        {
            check(text is null || IsValidUtf16(text), $"{where}: a lone surrogate");
        }

        for (var i = 0; i < fields.Count; i++)
        {
            check(CodePoints(fields[i].Name) is >= 1 and <= 256, $"{where} field {i}: name has {CodePoints(fields[i].Name)} code points");
            check(CodePoints(fields[i].Value) is >= 1 and <= 1024, $"{where} field {i}: value has {CodePoints(fields[i].Value)} code points");
        }

        return CodePoints(embed.Title) + CodePoints(embed.Description) + CodePoints(embed.Footer?.Text)
            + fields.Sum(field => CodePoints(field.Name) + CodePoints(field.Value));
    }

    private static void CheckComponents(IReadOnlyList<ActionRow> rows, Action<bool, string> check)
    {
        check(rows.Count <= 5, $"{rows.Count} action rows");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            check(row.Type == 1 && row.Components.Count is >= 1 and <= 5, string.Create(CultureInfo.InvariantCulture, $"a row of {row.Components.Count}"));
            foreach (var button in row.Components)
            {
                check(button.Type == 2, "a component that is not a button");
                check(button.CustomId.Length is >= 1 and <= 100, $"custom_id '{button.CustomId}' has {button.CustomId.Length} characters");
                check(ids.Add(button.CustomId), $"custom_id '{button.CustomId}' twice");
                check(CodePoints(button.Label) is >= 1 and <= 80, $"label '{button.Label}' has {CodePoints(button.Label)} code points");
            }
        }
    }

    private static bool IsValidUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
