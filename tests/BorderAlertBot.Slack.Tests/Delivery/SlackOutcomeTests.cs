using System.Net;
using BorderAlertBot.Delivery;
using BorderAlertBot.Slack.Delivery;
using BorderAlertBot.Slack.Rest;

namespace BorderAlertBot.Slack.Tests.Delivery;

/// <summary>The fact sheet's table of error classes (platforms/slack.md §3, §5, §7), code by code.</summary>
public sealed class SlackOutcomeTests
{
    [Theory]
    [InlineData("channel_not_found")]
    [InlineData("not_in_channel")]
    [InlineData("is_archived")]
    [InlineData("restricted_action")]
    [InlineData("restricted_action_read_only_channel")]
    [InlineData("restricted_action_thread_only_channel")]
    [InlineData("restricted_action_non_threadable_channel")]
    [InlineData("restricted_action_thread_locked")]
    [InlineData("ekm_access_denied")]
    [InlineData("no_permission")]
    [InlineData("messages_tab_disabled")]
    [InlineData("channel_is_archived")]
    [InlineData("posting_to_general_channel_denied")]
    [InlineData("no_active_hooks")]
    public void Stop_the_channel_codes_pause_the_subscription(string error)
    {
        var result = SlackOutcome.Of(Failed(error), _ => string.Empty);

        Assert.Equal(SlackErrorClass.StopChannel, SlackOutcome.ClassOf(Failed(error)));
        Assert.Equal($"Slack {error}", Assert.IsType<DeliveryResult.Rejected>(result).Reason);
    }

    [Theory]
    [InlineData("invalid_auth")]
    [InlineData("not_authed")]
    [InlineData("account_inactive")]
    [InlineData("token_revoked")]
    [InlineData("token_expired")]
    [InlineData("missing_scope")]
    [InlineData("not_allowed_token_type")]
    [InlineData("team_access_not_granted")]
    [InlineData("access_denied")]
    [InlineData("two_factor_setup_required")]
    [InlineData("enterprise_is_restricted")]
    public void Stop_the_workspace_codes_retry_when_the_token_may_be_fixed(string error)
    {
        var result = SlackOutcome.Of(Failed(error), _ => string.Empty);

        Assert.Equal(SlackErrorClass.StopWorkspace, SlackOutcome.ClassOf(Failed(error)));
        Assert.Equal(SlackAuthState.RetryAfter, Assert.IsType<DeliveryResult.RetryAfter>(result).Delay);
    }

    [Theory]
    [InlineData("internal_error", 5)]
    [InlineData("fatal_error", 5)]
    [InlineData("service_unavailable", 5)]
    [InlineData("request_timeout", 5)]
    [InlineData("ratelimited", 5)]
    [InlineData("rate_limited", 300)]
    [InlineData("team_added_to_org", 600)]
    [InlineData("org_login_required", 600)]
    [InlineData("message_limit_exceeded", 7200)]
    public void Retry_later_codes_wait_as_long_as_the_cause_lasts(string error, int seconds)
    {
        var result = SlackOutcome.Of(Failed(error), _ => string.Empty);

        Assert.Equal(TimeSpan.FromSeconds(seconds), Assert.IsType<DeliveryResult.RetryAfter>(result).Delay);
    }

    [Theory]
    [InlineData("invalid_blocks")]
    [InlineData("invalid_blocks_format")]
    [InlineData("msg_blocks_too_long")]
    [InlineData("msg_too_long")]
    [InlineData("no_text")]
    [InlineData("too_many_attachments")]
    [InlineData("invalid_arguments")]
    [InlineData("invalid_arg_name")]
    [InlineData("invalid_charset")]
    [InlineData("markdown_text_conflict")]
    [InlineData("metadata_too_large")]
    [InlineData("as_user_not_supported")]
    [InlineData("team_not_found")]
    [InlineData("invalid_payload")]
    [InlineData("some_code_slack_adds_next_year")]
    public void Payload_codes_and_unknown_codes_give_the_message_up(string error)
    {
        var result = SlackOutcome.Of(Failed(error), _ => string.Empty);

        Assert.Equal(SlackErrorClass.Payload, SlackOutcome.ClassOf(Failed(error)));
        Assert.IsType<DeliveryResult.Undeliverable>(result);
    }

    [Fact]
    public void A_429_waits_its_retry_after()
    {
        var response = new SlackResponse(HttpStatusCode.TooManyRequests, string.Empty) { Error = "ratelimited", RetryAfter = TimeSpan.FromSeconds(42) };

        Assert.Equal(TimeSpan.FromSeconds(42), Assert.IsType<DeliveryResult.RetryAfter>(SlackOutcome.Of(response, _ => string.Empty)).Delay);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.NotFound)]
    public void A_status_without_a_slack_error_is_retried(HttpStatusCode status)
    {
        var result = SlackOutcome.Of(new SlackResponse(status, "<html>"), _ => string.Empty);

        Assert.Equal(SlackOutcome.ServerErrorRetry, Assert.IsType<DeliveryResult.RetryAfter>(result).Delay);
    }

    [Fact]
    public void The_reason_for_a_payload_bug_carries_slacks_messages()
    {
        var response = Failed("invalid_blocks") with { Messages = ["[ERROR] must be less than 151 characters [json-pointer:/blocks/0/text]"] };

        var reason = Assert.IsType<DeliveryResult.Undeliverable>(SlackOutcome.Of(response, _ => string.Empty)).Reason;

        Assert.Contains("must be less than 151 characters", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Success_is_delivered_with_the_message_ref()
    {
        var response = new SlackResponse(HttpStatusCode.OK, string.Empty) { IsOk = true };

        Assert.Equal("1503435956.000247", Assert.IsType<DeliveryResult.Delivered>(SlackOutcome.Of(response, _ => "1503435956.000247")).MessageRef);
    }

    private static SlackResponse Failed(string error) => new(HttpStatusCode.OK, string.Empty) { Error = error };
}
