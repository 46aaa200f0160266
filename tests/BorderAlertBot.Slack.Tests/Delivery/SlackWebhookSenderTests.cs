using BorderAlertBot.Alerting;
using BorderAlertBot.Answers;
using BorderAlertBot.Delivery;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Testing.Builders;
using static BorderAlertBot.Slack.Tests.Support.SlackBotHarness;

namespace BorderAlertBot.Slack.Tests.Delivery;

public sealed class SlackWebhookSenderTests
{
    private const string ChannelId = "C0HOOKED1";

    [Fact]
    public async Task An_alert_is_posted_to_the_webhook_as_json_blocks_and_text()
    {
        // Arrange
        await using var bot = await StartAsync();
        var url = bot.Server.AddWebhook(ChannelId);
        var alert = Alert(new EventBuilder().WithTitle("Clash at Muse").Build());

        // Act
        var result = await bot.Webhooks.SendAsync(Webhook(url), alert, Key(), CancellationToken.None);

        // Assert
        Assert.NotEmpty(MessageRef(result));
        var stored = Assert.Single(bot.Server.Messages(ChannelId));
        Assert.Contains("Clash at Muse", stored.Text, StringComparison.Ordinal);
        Assert.True(stored.Blocks!.Value.GetArrayLength() > 0);
        var request = Assert.Single(bot.Server.Received);
        Assert.Equal(200, request.Status);
        Assert.False(request.Headers.ContainsKey("Authorization"));
    }

    [Theory]
    [InlineData(AlertKind.Updated, "UPDATED")]
    [InlineData(AlertKind.Retracted, "RETRACTED")]
    public async Task An_update_cannot_edit_a_webhook_message_so_it_is_posted_anew_with_only_the_changed_event(AlertKind kind, string label)
    {
        // Arrange
        await using var bot = await StartAsync();
        var url = bot.Server.AddWebhook(ChannelId);
        var (changed, unchanged) = (new EventBuilder().WithTitle("Shelling near Laiza").Build(), new EventBuilder().WithTitle("Quiet at Muse").Build());
        var messageRef = MessageRef(await bot.Webhooks.SendAsync(Webhook(url), Alert(changed, unchanged), Key(), CancellationToken.None));
        var edit = new AlertMessage([new AlertEntry(changed, kind, []), new AlertEntry(unchanged, AlertKind.New, [])], null);

        // Act
        var result = await bot.Webhooks.EditAsync(Webhook(url), messageRef, edit, CancellationToken.None);

        // Assert
        Assert.Equal(messageRef, MessageRef(result));
        var messages = bot.Server.Messages(ChannelId);
        Assert.Equal(2, messages.Count);
        Assert.Contains(label, messages[1].Text, StringComparison.Ordinal);
        Assert.Contains("Shelling near Laiza", messages[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Quiet at Muse", messages[1].Text, StringComparison.Ordinal);
        Assert.Equal(0, messages[0].EditCount);
    }

    [Fact]
    public async Task A_reply_is_posted_as_a_new_message_saying_updated()
    {
        // Arrange
        await using var bot = await StartAsync();
        var url = bot.Server.AddWebhook(ChannelId);
        var conflictEvent = new EventBuilder().Build();
        var messageRef = MessageRef(await bot.Webhooks.SendAsync(Webhook(url), Alert(conflictEvent), Key(), CancellationToken.None));

        // Act
        MessageRef(await bot.Webhooks.ReplyAsync(Webhook(url), messageRef, Update(conflictEvent), Key(), CancellationToken.None));

        // Assert
        var messages = bot.Server.Messages(ChannelId);
        Assert.Equal(2, messages.Count);
        Assert.Contains("UPDATED", messages[1].Text, StringComparison.Ordinal);
        Assert.Null(messages[1].ThreadTs);
    }

    [Fact]
    public async Task A_digest_is_posted_without_its_chart()
    {
        // Arrange
        await using var bot = await StartAsync();
        var url = bot.Server.AddWebhook(ChannelId);
        var digest = new Answer("Daily digest", [new AnswerBlock.Paragraph("Two events.")], new Abstractions.ChartImage("c.png", Png, 1, 1, "chart"));

        // Act
        MessageRef(await bot.Webhooks.SendDigestAsync(Webhook(url), digest, Key(), CancellationToken.None));

        // Assert
        Assert.Contains("Daily digest", Assert.Single(bot.Server.Messages(ChannelId)).Text, StringComparison.Ordinal);
        Assert.Empty(bot.Server.Files);
    }

    [Theory]
    [InlineData("channel_is_archived")]
    [InlineData("channel_not_found")]
    [InlineData("action_prohibited")]
    [InlineData("no_service")]
    public async Task A_webhook_whose_channel_or_hook_is_gone_pauses_the_subscription_without_showing_its_url(string error)
    {
        // Arrange
        await using var bot = await StartAsync();
        var url = bot.Server.AddWebhook(ChannelId);
        bot.Server.FailNext(ChannelId, error);

        // Act
        var result = await bot.Webhooks.SendAsync(Webhook(url), Alert(), Key(), CancellationToken.None);

        // Assert
        var reason = Assert.IsType<DeliveryResult.Rejected>(result).Reason;
        Assert.Contains(error, reason, StringComparison.Ordinal);
        Assert.DoesNotContain(url.AbsolutePath, reason, StringComparison.Ordinal);
        Assert.Equal(1, bot.Server.ReceivedCount);
    }

    [Fact]
    public async Task A_removed_webhook_answers_no_service_and_pauses_the_subscription()
    {
        // Arrange
        await using var bot = await StartAsync();
        var url = bot.Server.AddWebhook(ChannelId);
        bot.Server.RemoveWebhook(url);

        // Act
        var result = await bot.Webhooks.SendAsync(Webhook(url), Alert(), Key(), CancellationToken.None);

        // Assert
        Assert.Contains("no_service", Assert.IsType<DeliveryResult.Rejected>(result).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_payload_the_webhook_refuses_is_given_up_and_logged_by_its_display_name_only()
    {
        // Arrange
        await using var bot = await StartAsync();
        var url = bot.Server.AddWebhook(ChannelId);
        bot.Server.FailNext(ChannelId, "invalid_payload");

        // Act
        var result = await bot.Webhooks.SendAsync(Webhook(url), Alert(), Key(), CancellationToken.None);

        // Assert
        Assert.Contains("invalid_payload", Assert.IsType<DeliveryResult.Undeliverable>(result).Reason, StringComparison.Ordinal);
        Assert.Contains(bot.Logs.Lines, line => line.Message.Contains(Webhook(url).Display, StringComparison.Ordinal));
        Assert.DoesNotContain(url.Segments[^1], bot.AllLogs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ten_alerts_to_one_webhook_keep_its_pace_and_draw_no_429()
    {
        // Arrange
        await using var bot = await StartAsync();
        var url = bot.Server.AddWebhook(ChannelId);

        // Act
        var all = Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                MessageRef(await bot.Webhooks.SendAsync(Webhook(url), Alert(), Key(), CancellationToken.None));
            }
        });
        await bot.PacedAsync(all);

        // Assert
        Assert.Equal(0, bot.Server.TooManyRequestsSent);
        Assert.Equal(10, bot.Server.Messages(ChannelId).Count);
    }

    [Fact]
    public async Task A_429_from_a_webhook_is_retried_after_its_retry_after()
    {
        // Arrange
        await using var bot = await StartAsync();
        var url = bot.Server.AddWebhook(ChannelId);
        bot.Server.FailNextRateLimited(ChannelId, TimeSpan.FromSeconds(12));

        // Act
        var result = await bot.Webhooks.SendAsync(Webhook(url), Alert(), Key(), CancellationToken.None);
        var held = await bot.Webhooks.SendAsync(Webhook(url), Alert(), Key(), CancellationToken.None);

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(12), Assert.IsType<DeliveryResult.RetryAfter>(result).Delay);
        Assert.IsType<DeliveryResult.RetryAfter>(held);
        Assert.Equal(1, bot.Server.ReceivedCount);
    }

    [Fact]
    public async Task A_target_that_is_no_url_is_rejected_without_a_request()
    {
        // Arrange
        await using var bot = await StartAsync();

        // Act
        var result = await bot.Webhooks.SendAsync(new DeliveryTarget(TargetKind.SlackWebhook, "not a url"), Alert(), Key(), CancellationToken.None);

        // Assert
        Assert.IsType<DeliveryResult.Rejected>(result);
        Assert.Equal(0, bot.Server.ReceivedCount);
    }
}
