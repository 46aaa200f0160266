namespace BorderAlertBot.Slack.Wire;

/// <summary>Interactive elements (here only buttons): at most 25, each <c>action_id</c> unique within the block.</summary>
public sealed record ActionsBlock(IReadOnlyList<ButtonElement> Elements) : Block;
