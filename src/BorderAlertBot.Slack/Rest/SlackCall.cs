namespace BorderAlertBot.Slack.Rest;

/// <summary>
/// One call as the rate limiter sees it: the workspace (or the webhook) it counts against, the method, and the channel
/// it posts to, when it does.
/// </summary>
public sealed record SlackCall(string Workspace, SlackMethod Method, string? Channel);
