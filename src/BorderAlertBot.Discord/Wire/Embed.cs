namespace BorderAlertBot.Discord.Wire;

/// <summary>A rich embed (platforms/discord.md §3 "Embed limits": title 256, description 4096, 25 fields, 6000 in all).</summary>
public sealed record Embed
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? Url { get; init; }

    public int? Color { get; init; }

    public string? Timestamp { get; init; }

    public EmbedFooter? Footer { get; init; }

    public IReadOnlyList<EmbedField>? Fields { get; init; }

    public EmbedImage? Image { get; init; }
}

public sealed record EmbedField(string Name, string Value, bool Inline = false);

public sealed record EmbedFooter(string Text);

/// <summary><c>attachment://chart.png</c> shows an uploaded file inside the embed.</summary>
public sealed record EmbedImage(string Url);
