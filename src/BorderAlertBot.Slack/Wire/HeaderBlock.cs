namespace BorderAlertBot.Slack.Wire;

/// <summary>Large bold text: <c>plain_text</c> only, at most 150 characters.</summary>
public sealed record HeaderBlock(TextObject Text) : Block;
