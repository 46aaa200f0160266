namespace BorderAlertBot.Slack.Wire;

/// <summary>Small grey text: at most 10 elements.</summary>
public sealed record ContextBlock(IReadOnlyList<TextObject> Elements) : Block;
