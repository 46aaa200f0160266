using BorderAlertBot.Abstractions;
using BorderAlertBot.Answers;
using BorderAlertBot.Delivery;
using BorderAlertBot.Slack.Rest;
using BorderAlertBot.Testing.Builders;
using Microsoft.Extensions.Logging;
using static BorderAlertBot.Slack.Tests.Support.SlackBotHarness;

namespace BorderAlertBot.Slack.Tests.Delivery;

public sealed class SlackChannelSenderTests
{
    private const string Post = "chat.postMessage";
    private const string ChatUpdate = "chat.update";
    private const string ChannelId = "C0ALERTS1";

    [Fact]
    public async Task An_alert_is_posted_with_blocks_a_text_fallback_and_the_bearer_token_and_its_ts_is_the_message_ref()
    {
        // Arrange
        await using var bot = await StartAsync();
        var alert = Alert(new EventBuilder().WithTitle("Clash at Muse").Build());

        // Act
        var result = await bot.Channels.SendAsync(Channel(ChannelId), alert, Key(), CancellationToken.None);

        // Assert
        var stored = Assert.Single(bot.Server.Messages(ChannelId));
        Assert.Equal(stored.Ts, MessageRef(result));
        var request = Assert.Single(bot.Requests(Post));
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal(200, request.Status);
        var args = request.Arguments!.Value;
        Assert.Equal(ChannelId, args.GetProperty("channel").GetString());
        Assert.Contains("Clash at Muse", args.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(args.GetProperty("blocks").GetArrayLength() > 0);
        Assert.False(args.GetProperty("unfurl_links").GetBoolean());
        Assert.False(args.TryGetProperty("thread_ts", out _));
        Assert.DoesNotContain(Token, request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_edits_the_alert_with_chat_update_in_place()
    {
        // Arrange
        await using var bot = await StartAsync();
        var conflictEvent = new EventBuilder().WithTitle("Shelling near Laiza").Build();
        var messageRef = MessageRef(await bot.Channels.SendAsync(Channel(ChannelId), Alert(conflictEvent), Key(), CancellationToken.None));

        // Act
        var result = await bot.Channels.EditAsync(Channel(ChannelId), messageRef, Update(conflictEvent), CancellationToken.None);

        // Assert
        Assert.Equal(messageRef, MessageRef(result));
        var stored = Assert.Single(bot.Server.Messages(ChannelId));
        Assert.Equal(1, stored.EditCount);
        Assert.Contains("UPDATED", stored.Blocks!.Value.GetRawText(), StringComparison.Ordinal);
        var update = Assert.Single(bot.Requests(ChatUpdate)).Arguments!.Value;
        Assert.Equal(messageRef, update.GetProperty("ts").GetString());
        Assert.Equal(ChannelId, update.GetProperty("channel").GetString());
    }

    [Fact]
    public async Task An_update_of_an_alert_deleted_in_the_channel_goes_as_a_new_message_that_later_updates_edit()
    {
        // Arrange
        await using var bot = await StartAsync();
        var conflictEvent = new EventBuilder().Build();
        var original = MessageRef(await bot.Channels.SendAsync(Channel(ChannelId), Alert(conflictEvent), Key(), CancellationToken.None));
        bot.Server.FailNext(ChatUpdate, "message_not_found");

        // Act
        var result = await bot.Channels.EditAsync(Channel(ChannelId), original, Update(conflictEvent), CancellationToken.None);

        // Assert
        var created = MessageRef(result);
        Assert.NotEqual(original, created);
        Assert.Equal(created, bot.Server.Messages(ChannelId)[^1].Ts);
        Assert.Equal(2, bot.Requests(Post).Count);
    }

    [Fact]
    public async Task A_reply_goes_into_the_alerts_thread_with_thread_ts()
    {
        // Arrange
        await using var bot = await StartAsync();
        var conflictEvent = new EventBuilder().Build();
        var parent = MessageRef(await bot.Channels.SendAsync(Channel(ChannelId), Alert(conflictEvent), Key(), CancellationToken.None));

        // Act
        var result = await bot.Channels.ReplyAsync(Channel(ChannelId), parent, Update(conflictEvent), Key(), CancellationToken.None);

        // Assert
        var reply = Assert.Single(bot.Server.Replies(ChannelId, parent), message => message.IsThreadReply);
        Assert.Equal(reply.Ts, MessageRef(result));
        Assert.Equal(parent, reply.ThreadTs);
        Assert.Equal(parent, bot.Requests(Post)[^1].Arguments!.Value.GetProperty("thread_ts").GetString());
    }

    [Fact]
    public async Task A_reply_to_a_message_that_takes_none_goes_to_the_channel_instead()
    {
        // Arrange
        await using var bot = await StartAsync();

        // Act: a ts that is no message of the channel.
        var result = await bot.Channels.ReplyAsync(Channel(ChannelId), "1700000000.000100", Alert(), Key(), CancellationToken.None);

        // Assert
        var stored = Assert.Single(bot.Server.Messages(ChannelId));
        Assert.Equal(stored.Ts, MessageRef(result));
        Assert.Null(stored.ThreadTs);
        Assert.Equal(["cannot_reply_to_message", null], bot.Requests(Post).Select(request => request.Error));
    }

    [Fact]
    public async Task A_digest_posts_its_message_then_its_chart_in_the_three_upload_steps_into_the_channel()
    {
        // Arrange
        await using var bot = await StartAsync();
        var chart = new ChartImage("digest-2026-09-01.png", Png, 1, 1, "Events per day in Shan State");
        var digest = new Answer("Daily digest: Shan State", [new AnswerBlock.Paragraph("3 events yesterday.")], chart);

        // Act
        var result = await bot.Channels.SendDigestAsync(Channel(ChannelId), digest, Key(), CancellationToken.None);

        // Assert
        var messages = bot.Server.Messages(ChannelId);
        Assert.Equal(messages[0].Ts, MessageRef(result));
        Assert.Contains("Daily digest", messages[0].Text, StringComparison.Ordinal);
        Assert.Equal(
            [Post, "files.getUploadURLExternal", null, "files.completeUploadExternal"],
            bot.Server.Received.Select(request => request.ApiMethod));
        Assert.All(bot.Server.Received, request => Assert.InRange(request.Status, 200, 200));
        var file = Assert.Single(bot.Server.Files);
        Assert.Equal(Png, file.Bytes.ToArray());
        Assert.Equal([ChannelId], file.Channels);
        Assert.Equal("Events per day in Shan State", file.AltText);
        Assert.Equal("application/x-www-form-urlencoded", bot.Requests("files.completeUploadExternal")[0].ContentType);
    }

    [Fact]
    public async Task A_digest_too_long_for_one_message_goes_as_several_with_the_chart_once_after_them_and_the_first_as_ref()
    {
        // Arrange
        await using var bot = await StartAsync();
        var paragraphs = Enumerable.Range(1, 12).Select(i => (AnswerBlock)new AnswerBlock.Paragraph($"Paragraph {i}: " + new string('x', 2500))).ToList();
        var digest = new Answer("Daily digest", paragraphs, new ChartImage("c.png", Png, 1, 1, "chart"));

        // Act
        var result = await bot.PacedAsync(bot.Channels.SendDigestAsync(Channel(ChannelId), digest, Key(), CancellationToken.None));

        // Assert
        var posts = bot.Requests(Post);
        Assert.True(posts.Count > 1, "The digest was not split.");
        var messages = bot.Server.Messages(ChannelId);
        Assert.Equal(messages[0].Ts, MessageRef(result));
        Assert.Single(bot.Server.Files);
        Assert.Equal("files.completeUploadExternal", bot.Server.Received[^1].ApiMethod);
        Assert.Equal(0, bot.Server.TooManyRequestsSent);
    }

    [Fact]
    public async Task An_update_with_a_ref_that_is_no_ts_is_given_up_without_a_request()
    {
        // Arrange
        await using var bot = await StartAsync();

        // Act
        var result = await bot.Channels.EditAsync(Channel(ChannelId), "not-a-ts", Alert(), CancellationToken.None);

        // Assert
        Assert.IsType<DeliveryResult.Undeliverable>(result);
        Assert.Equal(0, bot.Server.ReceivedCount);
    }

    [Fact]
    public async Task A_digest_whose_chart_upload_fails_is_still_delivered_and_the_failure_is_logged()
    {
        // Arrange
        await using var bot = await StartAsync();
        var digest = new Answer("Daily digest", [new AnswerBlock.Paragraph("Quiet day.")], new ChartImage("c.png", Png, 1, 1, "chart"));
        bot.Server.FailNext("files.getUploadURLExternal", "file_uploads_disabled");

        // Act
        var result = await bot.Channels.SendDigestAsync(Channel(ChannelId), digest, Key(), CancellationToken.None);

        // Assert
        MessageRef(result);
        Assert.Empty(bot.Server.Files);
        Assert.Contains(bot.Logs.Lines, line => line.Message.Contains("file_uploads_disabled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ten_alerts_to_one_channel_and_to_three_at_once_keep_the_pace_and_draw_no_429()
    {
        // Arrange
        await using var bot = await StartAsync();
        string[] channels = ["C0PACE001", "C0PACE002", "C0PACE003"];

        // Act
        var sends = channels.Select(async channel =>
        {
            for (var i = 0; i < 10; i++)
            {
                MessageRef(await bot.Channels.SendAsync(Channel(channel), Alert(), Key(), CancellationToken.None));
            }
        }).ToList();
        var all = Task.WhenAll(sends);
        await bot.PacedAsync(all);

        // Assert
        Assert.Equal(0, bot.Server.TooManyRequestsSent);
        Assert.All(channels, channel => Assert.Equal(10, bot.Server.Messages(channel).Count));
        Assert.Equal(30, bot.Server.ReceivedCount);
    }

    [Fact]
    public async Task A_429_with_retry_after_pauses_posting_and_the_next_alert_waits_without_asking_Slack()
    {
        // Arrange
        await using var bot = await StartAsync();
        bot.Server.FailNextRateLimited(Post, TimeSpan.FromSeconds(30));

        // Act
        var limited = await bot.Channels.SendAsync(Channel(ChannelId), Alert(), Key(), CancellationToken.None);
        var held = await bot.Channels.SendAsync(Channel("C0OTHER01"), Alert(), Key(), CancellationToken.None);
        var requestsWhilePaused = bot.Server.ReceivedCount;
        bot.Time.Advance(TimeSpan.FromSeconds(30));
        var after = await bot.Channels.SendAsync(Channel(ChannelId), Alert(), Key(), CancellationToken.None);

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(30), Assert.IsType<DeliveryResult.RetryAfter>(limited).Delay);
        Assert.InRange(Assert.IsType<DeliveryResult.RetryAfter>(held).Delay, TimeSpan.FromSeconds(29), TimeSpan.FromSeconds(30));
        Assert.Equal(1, requestsWhilePaused);
        MessageRef(after);
        Assert.Contains(bot.Logs.Lines, line => line.Message.Contains("Slack rate limit on chat.postMessage", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("channel_not_found")]
    [InlineData("not_in_channel")]
    [InlineData("is_archived")]
    [InlineData("restricted_action")]
    public async Task A_channel_that_cannot_take_messages_pauses_the_subscription_with_the_reason_after_one_request(string error)
    {
        // Arrange
        await using var bot = await StartAsync();
        bot.Server.FailNext(ChannelId, error);

        // Act
        var result = await bot.Channels.SendAsync(Channel(ChannelId), Alert(), Key(), CancellationToken.None);

        // Assert
        Assert.Contains(error, Assert.IsType<DeliveryResult.Rejected>(result).Reason, StringComparison.Ordinal);
        Assert.Equal(1, bot.Server.ReceivedCount);
        Assert.False(bot.Auth.IsStopped(SlackApiClient.Workspace));
    }

    [Theory]
    [InlineData("invalid_auth")]
    [InlineData("token_revoked")]
    [InlineData("account_inactive")]
    [InlineData("not_authed")]
    public async Task A_refused_token_stops_the_workspace_loudly_once_and_later_calls_are_held_back(string error)
    {
        // Arrange
        await using var bot = await StartAsync();
        bot.Server.FailNext(Post, error);

        // Act
        var first = await bot.Channels.SendAsync(Channel(ChannelId), Alert(), Key(), CancellationToken.None);
        var second = await bot.Channels.SendAsync(Channel("C0OTHER01"), Alert(), Key(), CancellationToken.None);
        var edit = await bot.Channels.EditAsync(Channel(ChannelId), "1700000000.000100", Alert(), CancellationToken.None);

        // Assert
        Assert.Equal(SlackAuthState.RetryAfter, Assert.IsType<DeliveryResult.RetryAfter>(first).Delay);
        Assert.IsType<DeliveryResult.RetryAfter>(second);
        Assert.IsType<DeliveryResult.RetryAfter>(edit);
        Assert.Equal(1, bot.Server.ReceivedCount);
        Assert.True(bot.Auth.IsStopped(SlackApiClient.Workspace));
        var critical = Assert.Single(bot.Logs.Lines, line => line.Level == LogLevel.Critical);
        Assert.Contains(error, critical.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("internal_error")]
    [InlineData("fatal_error")]
    [InlineData("service_unavailable")]
    [InlineData("request_timeout")]
    public async Task A_transient_error_is_retried_later_after_one_request(string error)
    {
        // Arrange
        await using var bot = await StartAsync();
        bot.Server.FailNext(Post, error);

        // Act
        var result = await bot.Channels.SendAsync(Channel(ChannelId), Alert(), Key(), CancellationToken.None);

        // Assert
        Assert.Contains(error, Assert.IsType<DeliveryResult.RetryAfter>(result).Reason, StringComparison.Ordinal);
        Assert.Equal(1, bot.Server.ReceivedCount);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task An_outage_is_retried_later(int status)
    {
        // Arrange
        await using var bot = await StartAsync();
        bot.Server.FailNextWithStatus(Post, status);

        // Act
        var result = await bot.Channels.SendAsync(Channel(ChannelId), Alert(), Key(), CancellationToken.None);

        // Assert
        Assert.IsType<DeliveryResult.RetryAfter>(result);
        Assert.Equal(1, bot.Server.ReceivedCount);
    }

    [Fact]
    public async Task A_post_that_slack_may_have_made_despite_an_internal_error_is_retried_once_only()
    {
        // Arrange
        await using var bot = await StartAsync();
        bot.Server.FailNext(Post, "internal_error", times: 2);
        var (alert, key) = (Alert(), Key());

        // Act
        var first = await bot.Channels.SendAsync(Channel(ChannelId), alert, key, CancellationToken.None);
        var second = await bot.Channels.SendAsync(Channel(ChannelId), alert, key, CancellationToken.None);

        // Assert
        Assert.IsType<DeliveryResult.RetryAfter>(first);
        Assert.Contains("may have been posted", Assert.IsType<DeliveryResult.Undeliverable>(second).Reason, StringComparison.Ordinal);
        Assert.Equal(2, bot.Server.ReceivedCount);
    }

    [Theory]
    [InlineData("invalid_blocks")]
    [InlineData("invalid_arguments")]
    [InlineData("msg_too_long")]
    [InlineData("no_text")]
    public async Task A_payload_slack_refuses_is_given_up_at_once_and_logged_as_an_error(string error)
    {
        // Arrange
        await using var bot = await StartAsync();
        bot.Server.FailNext(Post, error);

        // Act
        var result = await bot.Channels.SendAsync(Channel(ChannelId), Alert(), Key(), CancellationToken.None);

        // Assert
        Assert.Contains(error, Assert.IsType<DeliveryResult.Undeliverable>(result).Reason, StringComparison.Ordinal);
        Assert.Equal(1, bot.Server.ReceivedCount);
        var line = Assert.Single(bot.Logs.Lines, line => line.Level == LogLevel.Error);
        Assert.Contains(error, line.Message, StringComparison.Ordinal);
        Assert.Contains(ChannelId, line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_bot_token_the_subscription_is_paused_saying_what_to_set()
    {
        // Arrange
        await using var bot = await StartAsync(new Dictionary<string, string?> { ["Slack:BotToken"] = string.Empty });

        // Act
        var result = await bot.Channels.SendAsync(Channel(ChannelId), Alert(), Key(), CancellationToken.None);

        // Assert
        Assert.Contains("Slack:BotToken", Assert.IsType<DeliveryResult.Rejected>(result).Reason, StringComparison.Ordinal);
        Assert.Equal(0, bot.Server.ReceivedCount);
    }
}
