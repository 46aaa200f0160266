namespace BorderAlertBot.Slack.Rest;

/// <summary><c>auth.test</c>: whether the bot token works, and for which workspace and bot user.</summary>
public sealed class SlackAuthApi(SlackApiClient client)
{
    public Task<SlackResponse> TestAsync(CancellationToken cancellationToken) =>
        client.PostFormAsync(SlackMethod.AuthTest, channel: null, [], cancellationToken);
}
