namespace BorderAlertBot.Slack.Inbound;

/// <summary>
/// What the bot answers a slash command or a button press with, within Slack's 3 seconds: an HTTP status and a JSON body
/// (over Socket Mode the body becomes the ack's <c>payload</c>), and optionally work that finishes the answer later
/// through <c>response_url</c> (platforms/slack.md §1).
/// </summary>
public sealed record SlackReply(int Status, string? Json, Func<CancellationToken, Task>? Then = null)
{
    /// <summary>An empty 200: acknowledged, nothing to show (yet).</summary>
    public static SlackReply Acknowledged(Func<CancellationToken, Task>? then = null) => new(200, null, then);

    public static SlackReply Unauthorized { get; } = new(401, null);

    public static SlackReply BadRequest { get; } = new(400, null);
}
