using BorderAlertBot.Abstractions;
using BorderAlertBot.Answers;
using BorderAlertBot.Delivery;
using BorderAlertBot.Discord.Rest;
using BorderAlertBot.Testing.Builders;
using static BorderAlertBot.Discord.Tests.Delivery.DiscordBotHarness;

namespace BorderAlertBot.Discord.Tests.Delivery;

public sealed class DiscordWebhookSenderTests
{
    private const string ExecuteWebhook = "POST /webhooks/{webhook_id}/{webhook_token}";
    private const string EditWebhookMessage = "PATCH /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}";

    [Fact]
    public async Task An_alert_is_executed_with_wait_true_and_no_bot_token_and_its_message_id_returned()
    {
        // Arrange
        await using var bot = await StartAsync();
        var channel = ChannelId(1);
        var webhook = Webhook(bot.Server.AddWebhook(channel));

        // Act
        var result = await bot.Webhooks.SendAsync(webhook, Alert(), Key(), CancellationToken.None);

        // Assert
        var stored = Assert.Single(bot.Server.Messages(channel));
        Assert.Equal(stored.Id, MessageRef(result));
        Assert.NotNull(stored.WebhookId);
        var request = Assert.Single(bot.Server.Received);
        Assert.Equal(ExecuteWebhook, request.Route);
        Assert.EndsWith("?wait=true", request.PathAndQuery, StringComparison.Ordinal);
        Assert.Null(request.Header("Authorization"));
        Assert.StartsWith("DiscordBot (", request.Header("User-Agent"), StringComparison.Ordinal);
        Assert.Equal("""{"parse":[]}""", request.Payload!.Value.GetProperty("allowed_mentions").GetRawText());
        Assert.Equal(0, stored.Components.GetArrayLength()); // Buttons need an app-owned webhook.
    }

    [Fact]
    public async Task An_edit_changes_the_webhooks_message_in_place()
    {
        // Arrange
        await using var bot = await StartAsync();
        var channel = ChannelId(1);
        var webhook = Webhook(bot.Server.AddWebhook(channel));
        var conflictEvent = new EventBuilder().Build();
        var sent = MessageRef(await bot.Webhooks.SendAsync(webhook, Alert(conflictEvent), Key(), CancellationToken.None));

        // Act
        var result = await bot.Webhooks.EditAsync(webhook, sent, Update(conflictEvent), CancellationToken.None);

        // Assert
        Assert.Equal(sent, MessageRef(result));
        var stored = Assert.Single(bot.Server.Messages(channel));
        Assert.Equal((sent, 1), (stored.Id, stored.EditCount));
        Assert.StartsWith("UPDATED · ", stored.Embeds[0].GetProperty("title").GetString(), StringComparison.Ordinal);
        var edit = Assert.Single(bot.Requests(EditWebhookMessage));
        Assert.Null(edit.Header("Authorization"));
    }

    [Fact]
    public async Task An_edit_of_a_webhook_message_deleted_in_the_channel_posts_a_new_message_instead()
    {
        // Arrange
        await using var bot = await StartAsync();
        var channel = ChannelId(1);
        var url = bot.Server.AddWebhook(channel);
        Assert.True(DiscordWebhook.TryParse(url, out var parsed));
        var conflictEvent = new EventBuilder().Build();
        var sent = MessageRef(await bot.Webhooks.SendAsync(Webhook(url), Alert(conflictEvent), Key(), CancellationToken.None));
        bot.Server.FailNext(parsed.Id, 404, 10008, "Unknown Message");

        // Act
        var result = await bot.Webhooks.EditAsync(Webhook(url), sent, Update(conflictEvent), CancellationToken.None);

        // Assert
        var messages = bot.Server.Messages(channel);
        Assert.Equal(2, messages.Count);
        Assert.Equal(messages[1].Id, MessageRef(result));
        Assert.NotEqual(sent, messages[1].Id);
        Assert.StartsWith("UPDATED · ", messages[1].Embeds[0].GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_webhook_is_rejected()
    {
        // Arrange
        await using var bot = await StartAsync();
        var url = bot.Server.AddWebhook(ChannelId(1));
        Assert.True(DiscordWebhook.TryParse(url, out var parsed));
        bot.Server.FailNext(parsed.Id, 404, 10015, "Unknown Webhook");

        // Act
        var result = await bot.Webhooks.SendAsync(Webhook(url), Alert(), Key(), CancellationToken.None);

        // Assert
        Assert.Contains("10015", Assert.IsType<DeliveryResult.Rejected>(result).Reason, StringComparison.Ordinal);
        Assert.Empty(bot.Server.Messages(ChannelId(1)));
    }

    [Fact]
    public async Task A_digest_goes_through_the_webhook_with_its_chart()
    {
        // Arrange
        await using var bot = await StartAsync();
        var channel = ChannelId(1);
        var webhook = Webhook(bot.Server.AddWebhook(channel));
        var digest = new Answer("Daily digest", [new AnswerBlock.Paragraph("Three clashes on the CN-MM border.")],
            new ChartImage("events-per-day.png", Png, 1, 1, "Events per day, last week"));

        // Act
        var result = await bot.Webhooks.SendDigestAsync(webhook, digest, Key(), CancellationToken.None);

        // Assert
        var stored = Assert.Single(bot.Server.Messages(channel));
        Assert.Equal(stored.Id, MessageRef(result));
        var request = Assert.Single(bot.Server.Received);
        Assert.EndsWith("?wait=true", request.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("multipart/form-data", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal(("files[0]", "events-per-day.png"), (Assert.Single(request.Files).Name, request.Files[0].FileName));
        var embeds = stored.Embeds;
        Assert.Equal("attachment://events-per-day.png", embeds[embeds.GetArrayLength() - 1].GetProperty("image").GetProperty("url").GetString());
        Assert.Equal(Png, Assert.Single(stored.Attachments).Content.ToArray());
    }

    [Theory]
    [InlineData("https://example.org/not-a-webhook")]
    [InlineData("https://discord.com/api/webhooks/123/short")]
    [InlineData("1200000000000000001")]
    public async Task A_target_that_is_not_a_webhook_url_is_rejected_and_nothing_is_sent(string address)
    {
        // Arrange
        await using var bot = await StartAsync();

        // Act
        var result = await bot.Webhooks.SendAsync(Webhook(address), Alert(), Key(), CancellationToken.None);

        // Assert
        Assert.Contains("webhook URL", Assert.IsType<DeliveryResult.Rejected>(result).Reason, StringComparison.Ordinal);
        Assert.Equal(0, bot.Server.ReceivedCount);
    }
}
