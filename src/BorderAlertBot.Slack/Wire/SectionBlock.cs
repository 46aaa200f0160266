namespace BorderAlertBot.Slack.Wire;

/// <summary>Text (1–3000 characters) and/or up to 10 fields of at most 2000 characters, shown in two columns.</summary>
public sealed record SectionBlock : Block
{
    public TextObject? Text { get; init; }

    public IReadOnlyList<TextObject>? Fields { get; init; }
}
