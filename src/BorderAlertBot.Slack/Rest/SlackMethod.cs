namespace BorderAlertBot.Slack.Rest;

/// <summary>
/// A Web API method we call, with its rate tier (platforms/slack.md §3, §5). <see cref="PostsToChannel"/> methods put a
/// message in a channel, so they also keep to the channel's one message per second.
/// </summary>
public sealed record SlackMethod(string Name, SlackTier Tier, bool PostsToChannel = false)
{
    public static SlackMethod ChatPostMessage { get; } = new("chat.postMessage", SlackTier.Special, PostsToChannel: true);

    public static SlackMethod ChatUpdate { get; } = new("chat.update", SlackTier.Tier3);

    public static SlackMethod FilesGetUploadUrlExternal { get; } = new("files.getUploadURLExternal", SlackTier.Tier4);

    public static SlackMethod FilesCompleteUploadExternal { get; } = new("files.completeUploadExternal", SlackTier.Tier4, PostsToChannel: true);

    public static SlackMethod UsersInfo { get; } = new("users.info", SlackTier.Tier4);

    public static SlackMethod AuthTest { get; } = new("auth.test", SlackTier.Tier4);

    /// <summary>A post to an incoming webhook: not a Web API method, but limited alike (one per second, 429s).</summary>
    public static SlackMethod IncomingWebhook { get; } = new("incoming-webhook", SlackTier.Special, PostsToChannel: true);

    /// <summary>The calls per minute the tier allows at least; <see cref="SlackTier.Special"/> is the workspace budget.</summary>
    public int PerMinute(int workspaceMessagesPerMinute) => Tier switch
    {
        SlackTier.Tier1 => 1,
        SlackTier.Tier2 => 20,
        SlackTier.Tier3 => 50,
        SlackTier.Tier4 => 100,
        _ => workspaceMessagesPerMinute,
    };
}
