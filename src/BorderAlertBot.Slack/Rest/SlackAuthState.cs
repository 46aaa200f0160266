using System.Collections.Concurrent;
using BorderAlertBot.Telemetry;
using Microsoft.Extensions.Logging;

namespace BorderAlertBot.Slack.Rest;

/// <summary>
/// Whether Slack still accepts the bot token, per workspace. <c>invalid_auth</c>, <c>token_revoked</c>,
/// <c>account_inactive</c> and the other "stop everything" codes (platforms/slack.md §3) mean every further call would be
/// refused: that workspace's calls stop until the bot is restarted with a good token or a re-install, and the operator is
/// told loudly, once.
/// </summary>
public sealed partial class SlackAuthState(ILogger<SlackAuthState> logger, BorderAlertBotMetrics? metrics = null)
{
    /// <summary>The codes that stop a workspace: the token is bad, revoked, or lacks what the app needs.</summary>
    public static IReadOnlySet<string> StopCodes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "missing_scope",
        "not_allowed_token_type", "team_access_not_granted", "access_denied", "two_factor_setup_required",
        "enterprise_is_restricted",
    };

    private readonly ConcurrentDictionary<string, string> _stopped = new(StringComparer.Ordinal);

    /// <summary>How long held-back messages wait before asking again (they are not sent while stopped).</summary>
    public static TimeSpan RetryAfter { get; } = TimeSpan.FromMinutes(15);

    public bool IsStopped(string workspace) => _stopped.ContainsKey(workspace);

    /// <summary>Why the workspace was stopped ("token_revoked"), or null while it runs.</summary>
    public string? Reason(string workspace) => _stopped.GetValueOrDefault(workspace);

    public void Stop(string workspace, string response)
    {
        if (_stopped.TryAdd(workspace, response))
        {
            metrics?.PlatformPaused("slack", "token_refused");
            Log.TokenRejected(logger, workspace, response);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Critical, "Slack refused the bot token for workspace {Workspace} ({Response}): all its Slack traffic is stopped. Fix Slack:BotToken (or re-install the app with the scopes it needs) and restart the bot")]
        public static partial void TokenRejected(ILogger logger, string workspace, string response);
    }
}
