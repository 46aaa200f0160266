using System.Collections.Concurrent;
using System.Text.Json;
using BorderAlertBot.Slack.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Slack.Admins;

/// <summary>
/// Who may use the admin subcommands in Slack (ARCHITECTURE.md §7): the users in <see cref="SlackOptions.AdminUserIds"/>
/// when any are configured, and only they; otherwise the workspace's admins and owners, as <c>users.info</c> reports them
/// (<c>is_admin</c>, <c>is_owner</c>; scope <c>users:read</c>), remembered for <see cref="SlackOptions.AdminCacheDuration"/>.
/// When Slack cannot say (a missing scope, an outage), the answer is no, and it is not remembered.
/// </summary>
public sealed partial class SlackAdmins(SlackUsersApi users, TimeProvider timeProvider, IOptions<SlackOptions> options, ILogger<SlackAdmins> logger)
{
    private readonly ConcurrentDictionary<(string TeamId, string UserId), (bool IsAdmin, DateTimeOffset Until)> _known = [];

    /// <summary>What a refusal says is needed.</summary>
    public string Requirement => options.Value.AdminUserIds.Count > 0
        ? "to be one of the bot's configured Slack admins (Slack:AdminUserIds)"
        : "to be a workspace admin or owner";

    /// <summary>Whether <paramref name="userId"/> of workspace <paramref name="teamId"/> may change a channel's alerts.</summary>
    public async Task<bool> IsAdminAsync(string teamId, string userId, CancellationToken cancellationToken)
    {
        var configured = options.Value.AdminUserIds;
        if (configured.Count > 0)
        {
            return configured.Contains(userId, StringComparer.Ordinal);
        }

        var now = timeProvider.GetUtcNow();
        if (_known.TryGetValue((teamId, userId), out var known) && known.Until > now)
        {
            return known.IsAdmin;
        }

        var response = await users.InfoAsync(userId, cancellationToken);
        if (!response.IsOk || response.Json is not { } json || !json.TryGetProperty("user", out var user) || user.ValueKind != JsonValueKind.Object)
        {
            Log.LookupFailed(logger, userId, response.Describe());
            return false;
        }

        var isAdmin = !IsTrue(user, "deleted") && (IsTrue(user, "is_admin") || IsTrue(user, "is_owner") || IsTrue(user, "is_primary_owner"));
        _known[(teamId, userId)] = (isAdmin, now + options.Value.AdminCacheDuration);
        return isAdmin;
    }

    private static bool IsTrue(JsonElement user, string name) => user.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Could not tell whether Slack user {UserId} is a workspace admin ({Response}); refused. users.info needs the users:read scope, or set Slack:AdminUserIds")]
        public static partial void LookupFailed(ILogger logger, string userId, string response);
    }
}
