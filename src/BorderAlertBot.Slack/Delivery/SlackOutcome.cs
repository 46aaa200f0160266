using System.Net;
using BorderAlertBot.Delivery;
using BorderAlertBot.Slack.Rest;

namespace BorderAlertBot.Slack.Delivery;

/// <summary>
/// Slack's answer as a delivery result, by the fact sheet's four classes (platforms/slack.md §3, §5, §7): stop the
/// channel → <see cref="DeliveryResult.Rejected"/> (the subscription pauses with the reason); stop the workspace →
/// <see cref="DeliveryResult.RetryAfter"/> while <see cref="SlackAuthState"/> holds every call back; retry later →
/// <see cref="DeliveryResult.RetryAfter"/> (a 429's <c>Retry-After</c>, longer for the caps that last); a bug in our
/// payload → <see cref="DeliveryResult.Undeliverable"/>. Codes it does not know count as payload bugs, so they never loop.
/// </summary>
public static class SlackOutcome
{
    private static readonly HashSet<string> ChannelCodes =
    [
        "channel_not_found", "not_in_channel", "is_archived", "restricted_action", "restricted_action_read_only_channel",
        "restricted_action_thread_only_channel", "restricted_action_non_threadable_channel", "restricted_action_thread_locked",
        "ekm_access_denied", "no_permission", "messages_tab_disabled",

        // Uploads (§3 "Uploading files").
        "posting_to_channel_denied", "file_uploads_disabled",

        // Incoming webhooks (§7): the hook, its channel or its workspace is gone or closed to it.
        "channel_is_archived", "action_prohibited", "posting_to_general_channel_denied", "no_service", "no_service_id", "no_team",
        "no_active_hooks", "team_disabled", "invalid_token", "user_not_found",
    ];

    private static readonly HashSet<string> RetryCodes =
    [
        "ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout",
        "team_added_to_org", "org_login_required", "message_limit_exceeded",

        // Uploads: the workspace's storage is full; a later day may have room.
        "storage_limit_reached",
    ];

    /// <summary>Retries after a 5xx or a transient code when Slack said nothing about when.</summary>
    public static TimeSpan ServerErrorRetry { get; } = TimeSpan.FromSeconds(5);

    /// <summary><c>rate_limited</c>: "posted too many messages", so back off for a long time (§3).</summary>
    public static TimeSpan TooManyMessagesRetry { get; } = TimeSpan.FromMinutes(5);

    /// <summary><c>message_limit_exceeded</c>: the free plan's cap, which lasts hours (§3).</summary>
    public static TimeSpan MessageLimitRetry { get; } = TimeSpan.FromHours(2);

    /// <summary><c>team_added_to_org</c>, <c>org_login_required</c>: the workspace is moving into an org.</summary>
    public static TimeSpan OrgMigrationRetry { get; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// <c>internal_error</c> and <c>fatal_error</c>: Slack may have done part of the work, so a retry can post twice (§3).
    /// The channel sender retries such a post once only.
    /// </summary>
    public static bool MayHavePosted(SlackResponse response) => response.Error is "internal_error" or "fatal_error";

    public static SlackErrorClass? ClassOf(SlackResponse response)
    {
        if (response.IsOk)
        {
            return null;
        }

        if (response.WasHeldBack || response.Status == HttpStatusCode.TooManyRequests || (int)response.Status >= 500)
        {
            return SlackErrorClass.RetryLater;
        }

        return response.Error switch
        {
            { } code when SlackAuthState.StopCodes.Contains(code) => SlackErrorClass.StopWorkspace,
            { } code when ChannelCodes.Contains(code) => SlackErrorClass.StopChannel,
            { } code when RetryCodes.Contains(code) => SlackErrorClass.RetryLater,

            // Not Slack's answer at all (a wrong Slack:ApiBaseUrl, a proxy's page): nothing is known about the channel.
            null => SlackErrorClass.RetryLater,
            _ => SlackErrorClass.Payload,
        };
    }

    public static DeliveryResult Of(SlackResponse response, Func<SlackResponse, string> messageRefOf) => ClassOf(response) switch
    {
        null => new DeliveryResult.Delivered(messageRefOf(response)),
        SlackErrorClass.StopChannel => new DeliveryResult.Rejected($"Slack {response.Describe()}"),
        SlackErrorClass.StopWorkspace => new DeliveryResult.RetryAfter(SlackAuthState.RetryAfter, $"Slack refused the bot token ({response.Describe()}); Slack traffic is stopped"),
        SlackErrorClass.RetryLater => new DeliveryResult.RetryAfter(RetryDelay(response), response.Describe()),
        _ => new DeliveryResult.Undeliverable(response.Messages.Count > 0 ? $"Slack {response.Describe()}: {string.Join("; ", response.Messages)}" : $"Slack {response.Describe()}"),
    };

    private static TimeSpan RetryDelay(SlackResponse response) => response.Error switch
    {
        _ when response.RetryAfter is { } asked => asked,
        "rate_limited" => TooManyMessagesRetry,
        "message_limit_exceeded" => MessageLimitRetry,
        "team_added_to_org" or "org_login_required" => OrgMigrationRetry,
        "ratelimited" => SlackRateLimiter.DefaultRetryAfter,
        _ => ServerErrorRetry,
    };
}
