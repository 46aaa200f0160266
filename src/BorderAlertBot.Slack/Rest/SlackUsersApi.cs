namespace BorderAlertBot.Slack.Rest;

/// <summary><c>users.info</c> (scope <c>users:read</c>): whether a user is a workspace admin or owner.</summary>
public sealed class SlackUsersApi(SlackApiClient client)
{
    public Task<SlackResponse> InfoAsync(string userId, CancellationToken cancellationToken) =>
        client.PostFormAsync(SlackMethod.UsersInfo, channel: null, [new("user", userId)], cancellationToken);
}
