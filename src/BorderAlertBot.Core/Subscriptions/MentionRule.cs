namespace BorderAlertBot.Subscriptions;

/// <summary>Who to mention (a role or user id, never @everyone/@here/&lt;!channel&gt;) on alerts at or above a severity.</summary>
public sealed record MentionRule(string Mention, Domain.Severity AtOrAbove);
