namespace BorderAlertBot.Slack.Wire;

/// <summary>A horizontal rule between the events of one message.</summary>
public sealed record DividerBlock : Block;
