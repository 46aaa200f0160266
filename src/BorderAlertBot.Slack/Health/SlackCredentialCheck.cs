using BorderAlertBot.Health;
using BorderAlertBot.Slack.Rest;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Slack.Health;

/// <summary>
/// Whether Slack accepts <see cref="SlackOptions.BotToken"/>: <c>auth.test</c> through the Web API client, so a refused
/// token also stops the workspace's traffic (<see cref="SlackAuthState"/>) and is logged once, loudly.
/// </summary>
public sealed class SlackCredentialCheck(SlackAuthApi api, SlackAuthState auth, IOptions<SlackOptions> options) : ICredentialCheck
{
    public string Platform => "slack";

    public bool IsConfigured => options.Value.IsEnabled;

    public async Task<CredentialVerdict> CheckAsync(CancellationToken cancellationToken)
    {
        var response = await api.TestAsync(cancellationToken);
        if (response.IsOk)
        {
            var team = response.Json is { } json && json.TryGetProperty("team", out var name) ? name.GetString() : null;
            return new CredentialVerdict.Accepted(team ?? "the workspace");
        }

        var refused = auth.IsStopped(SlackApiClient.Workspace) || (response.Error is { } error && SlackAuthState.StopCodes.Contains(error));
        return refused ? new CredentialVerdict.Refused(response.Describe()) : new CredentialVerdict.Unreachable(response.Describe());
    }
}
