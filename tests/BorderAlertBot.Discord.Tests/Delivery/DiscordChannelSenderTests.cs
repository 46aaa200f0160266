using System.Globalization;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Answers;
using BorderAlertBot.Delivery;
using BorderAlertBot.Discord.Delivery;
using BorderAlertBot.Discord.Rest;
using BorderAlertBot.Testing.Builders;
using static BorderAlertBot.Discord.Tests.Delivery.DiscordBotHarness;

namespace BorderAlertBot.Discord.Tests.Delivery;

public sealed class DiscordChannelSenderTests
{
    private const string CreateMessage = "POST /channels/{channel_id}/messages";
    private const string EditMessage = "PATCH /channels/{channel_id}/messages/{message_id}";
    private const string StartThread = "POST /channels/{channel_id}/messages/{message_id}/threads";
    private const string Role = "1100000000000000555";

    [Fact]
    public async Task An_alert_goes_as_one_message_with_an_embed_per_event_the_buttons_and_a_nonce_and_nobody_pinged()
    {
        // Arrange
        await using var bot = await StartAsync();
        var channel = ChannelId(1);
        var first = new EventBuilder().WithId("evt_first").WithTitle("Clash at Muse").Build();
        var second = new EventBuilder().WithId("evt_second").WithTitle("Shelling near Laiza").Build();

        // Act
        var result = await bot.Channels.SendAsync(Channel(channel), Alert(first, second), Key(), CancellationToken.None);

        // Assert
        var stored = Assert.Single(bot.Server.Messages(channel));
        Assert.Equal(stored.Id, MessageRef(result));
        var request = Assert.Single(bot.Server.Received);
        Assert.Equal(CreateMessage, request.Route);
        Assert.Equal("Bot " + Token, request.Header("Authorization"));
        Assert.StartsWith("DiscordBot (", request.Header("User-Agent"), StringComparison.Ordinal);
        var payload = request.Payload!.Value;
        Assert.Equal(2, payload.GetProperty("embeds").GetArrayLength());
        Assert.Equal(["Clash at Muse", "Shelling near Laiza"], payload.GetProperty("embeds").EnumerateArray().Select(embed => embed.GetProperty("title").GetString()));
        var buttons = payload.GetProperty("components").EnumerateArray().SelectMany(row => row.GetProperty("components").EnumerateArray()).ToList();
        Assert.Equal(["Why? (1)", "Why? (2)", "Mute 8h"], buttons.Select(button => button.GetProperty("label").GetString()));
        Assert.Equal(["why:evt_first", "why:evt_second", "mute:8h"], buttons.Select(button => button.GetProperty("custom_id").GetString()));
        Assert.Equal("""{"parse":[]}""", payload.GetProperty("allowed_mentions").GetRawText());
        Assert.False(payload.TryGetProperty("content", out _));
        Assert.InRange(payload.GetProperty("nonce").GetString()!.Length, 1, DiscordNonce.MaxLength);
        Assert.True(payload.GetProperty("enforce_nonce").GetBoolean());
    }

    [Fact]
    public async Task An_alert_pings_the_role_the_subscription_mentions_and_only_that_role()
    {
        // Arrange
        await using var bot = await StartAsync();
        var channel = ChannelId(1);

        // Act
        MessageRef(await bot.Channels.SendAsync(Channel(channel), AlertMentioning("&" + Role), Key(), CancellationToken.None));

        // Assert
        var stored = Assert.Single(bot.Server.Messages(channel));
        Assert.Equal($"<@&{Role}>", stored.Content);
        var allowed = stored.AllowedMentions!.Value;
        Assert.Equal(0, allowed.GetProperty("parse").GetArrayLength());
        Assert.Equal([Role], allowed.GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
        Assert.False(allowed.TryGetProperty("users", out _));
    }

    [Fact]
    public async Task Sending_again_with_the_same_idempotency_key_posts_nothing_new_and_returns_the_same_message()
    {
        // Arrange
        await using var bot = await StartAsync();
        var channel = ChannelId(1);
        var (alert, key) = (Alert(), Key());
        var first = MessageRef(await bot.Channels.SendAsync(Channel(channel), alert, key, CancellationToken.None));

        // Act
        var again = await bot.Channels.SendAsync(Channel(channel), alert, key, CancellationToken.None);

        // Assert
        Assert.Equal(first, MessageRef(again));
        Assert.Single(bot.Server.Messages(channel));
        Assert.Equal(1, bot.Server.NonceHits);
    }

    [Fact]
    public async Task Event_text_that_tries_to_ping_or_link_pings_nobody_and_links_nothing()
    {
        // Arrange
        await using var bot = await StartAsync();
        var channel = ChannelId(1);
        var hostile = new EventBuilder()
            .WithTitle("@everyone clash <@&123>")
            .WithSummary("Details: [click](https://evil.example/x) @here <@&123> <@456>")
            .Build();

        // Act
        MessageRef(await bot.Channels.SendAsync(Channel(channel), AlertMentioning("@everyone", hostile), Key(), CancellationToken.None));

        // Assert
        var stored = Assert.Single(bot.Server.Messages(channel));
        Assert.Null(stored.Content);
        Assert.Equal("""{"parse":[]}""", stored.AllowedMentions!.Value.GetRawText());
        var embed = stored.Embeds[0];
        var shown = embed.GetProperty("title").GetString() + "\n" + embed.GetProperty("description").GetString();
        Assert.DoesNotContain("@everyone", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("@here", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("<@&123>", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("<@456>", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("[click](", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("https://evil", shown, StringComparison.Ordinal);
        Assert.Contains("\\[click\\]", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_changes_the_message_in_place()
    {
        // Arrange
        await using var bot = await StartAsync();
        var channel = ChannelId(1);
        var conflictEvent = new EventBuilder().Build();
        var alert = MessageRef(await bot.Channels.SendAsync(Channel(channel), Alert(conflictEvent), Key(), CancellationToken.None));

        // Act
        var result = await bot.Channels.EditAsync(Channel(channel), alert, Update(conflictEvent), CancellationToken.None);

        // Assert
        Assert.Equal(alert, MessageRef(result));
        var stored = Assert.Single(bot.Server.Messages(channel));
        Assert.Equal((alert, 1), (stored.Id, stored.EditCount));
        Assert.StartsWith("UPDATED · ", stored.Embeds[0].GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Single(bot.Requests(EditMessage));
    }

    [Fact]
    public async Task An_edit_of_a_message_deleted_in_the_channel_posts_a_new_message_instead()
    {
        // Arrange
        await using var bot = await StartAsync();
        var channel = ChannelId(1);
        var conflictEvent = new EventBuilder().Build();
        var alert = MessageRef(await bot.Channels.SendAsync(Channel(channel), Alert(conflictEvent), Key(), CancellationToken.None));
        bot.Server.FailNext(channel, 404, 10008, "Unknown Message");

        // Act
        var result = await bot.Channels.EditAsync(Channel(channel), alert, Update(conflictEvent), CancellationToken.None);

        // Assert
        var messages = bot.Server.Messages(channel);
        Assert.Equal(2, messages.Count);
        Assert.Equal(messages[1].Id, MessageRef(result));
        Assert.NotEqual(alert, messages[1].Id);
        Assert.StartsWith("UPDATED · ", messages[1].Embeds[0].GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(404, Assert.Single(bot.Requests(EditMessage)).Status);
    }

    [Fact]
    public async Task Replies_in_thread_mode_start_one_thread_from_the_alert_and_post_every_reply_in_it()
    {
        // Arrange
        await using var bot = await StartAsync(new Dictionary<string, string?> { ["Discord:Replies"] = "Thread" });
        var channel = ChannelId(1);
        var conflictEvent = new EventBuilder().WithTitle("Clash near Muse").Build();
        var alert = MessageRef(await bot.Channels.SendAsync(Channel(channel), Alert(conflictEvent), Key(), CancellationToken.None));

        // Act
        var firstReply = await bot.Channels.ReplyAsync(Channel(channel), alert, Update(conflictEvent), Key(), CancellationToken.None);
        var secondReply = await bot.Channels.ReplyAsync(Channel(channel), alert, Update(conflictEvent), Key(), CancellationToken.None);

        // Assert
        var thread = Assert.Single(bot.Server.Threads);
        Assert.Equal((alert, channel, "Updates: Clash near Muse"), (thread.MessageId, thread.ParentChannelId, thread.Name));
        var inThread = bot.Server.Messages(thread.Id);
        Assert.Equal([inThread[0].Id, inThread[1].Id], new[] { MessageRef(firstReply), MessageRef(secondReply) });
        Assert.All(inThread, reply => Assert.Equal(0, reply.Components.GetArrayLength()));
        Assert.Single(bot.Server.Messages(channel));
        Assert.Equal([201, 400], bot.Requests(StartThread).Select(request => request.Status));
    }

    [Fact]
    public async Task A_reply_in_thread_mode_to_an_alert_deleted_in_the_channel_posts_a_new_message_instead()
    {
        // Arrange
        await using var bot = await StartAsync(new Dictionary<string, string?> { ["Discord:Replies"] = "Thread" });
        var channel = ChannelId(1);
        var conflictEvent = new EventBuilder().Build();
        var alert = MessageRef(await bot.Channels.SendAsync(Channel(channel), Alert(conflictEvent), Key(), CancellationToken.None));
        bot.Server.FailNext(channel, 404, 10008, "Unknown Message");

        // Act
        var result = await bot.Channels.ReplyAsync(Channel(channel), alert, Update(conflictEvent), Key(), CancellationToken.None);

        // Assert
        var messages = bot.Server.Messages(channel);
        Assert.Equal(2, messages.Count);
        Assert.Equal(messages[1].Id, MessageRef(result));
        Assert.Empty(bot.Server.Threads);
        Assert.Equal(404, Assert.Single(bot.Requests(StartThread)).Status);
    }

    [Fact]
    public async Task Replies_in_reference_mode_are_channel_messages_that_reference_the_alert()
    {
        // Arrange
        await using var bot = await StartAsync(new Dictionary<string, string?> { ["Discord:Replies"] = "Reference" });
        var channel = ChannelId(1);
        var conflictEvent = new EventBuilder().Build();
        var alert = MessageRef(await bot.Channels.SendAsync(Channel(channel), Alert(conflictEvent), Key(), CancellationToken.None));

        // Act
        var result = await bot.Channels.ReplyAsync(Channel(channel), alert, Update(conflictEvent), Key(), CancellationToken.None);

        // Assert
        var messages = bot.Server.Messages(channel);
        Assert.Equal(2, messages.Count);
        Assert.Equal(messages[1].Id, MessageRef(result));
        Assert.Equal(alert, messages[1].MessageReference!.Value.GetProperty("message_id").GetString());
        Assert.Empty(bot.Server.Threads);
        Assert.Empty(bot.Requests(StartThread));
    }

    [Fact]
    public async Task A_digest_goes_as_multipart_with_its_chart_shown_in_the_embed()
    {
        // Arrange
        await using var bot = await StartAsync();
        var channel = ChannelId(1);
        var digest = new Answer("Daily digest", [new AnswerBlock.Paragraph("Three clashes on the CN-MM border.")],
            new ChartImage("events-per-day.png", Png, 1, 1, "Events per day, last week"));

        // Act
        var result = await bot.Channels.SendDigestAsync(Channel(channel), digest, Key(), CancellationToken.None);

        // Assert
        var stored = Assert.Single(bot.Server.Messages(channel));
        Assert.Equal(stored.Id, MessageRef(result));
        var request = Assert.Single(bot.Server.Received);
        Assert.StartsWith("multipart/form-data", request.Header("Content-Type"), StringComparison.Ordinal);
        var file = Assert.Single(request.Files);
        Assert.Equal(("files[0]", "events-per-day.png", "image/png"), (file.Name, file.FileName, file.ContentType));
        Assert.Equal(Png, file.Content.ToArray());
        var payload = request.Payload!.Value;
        Assert.Equal("attachment://events-per-day.png", payload.GetProperty("embeds")[payload.GetProperty("embeds").GetArrayLength() - 1].GetProperty("image").GetProperty("url").GetString());
        Assert.Equal("""{"parse":[]}""", payload.GetProperty("allowed_mentions").GetRawText());
        var attachment = Assert.Single(stored.Attachments);
        Assert.Equal(("events-per-day.png", "Events per day, last week"), (attachment.FileName, attachment.Description));
        Assert.Equal(Png, attachment.Content.ToArray());
    }

    [Theory]
    [InlineData(403, 50013, "Missing Permissions", typeof(DeliveryResult.Rejected))]
    [InlineData(403, 50001, "Missing Access", typeof(DeliveryResult.Rejected))]
    [InlineData(404, 10003, "Unknown Channel", typeof(DeliveryResult.Rejected))]
    [InlineData(404, 10004, "Unknown Guild", typeof(DeliveryResult.Rejected))]
    [InlineData(404, 0, "404: Not Found", typeof(DeliveryResult.RetryAfter))]
    [InlineData(500, 0, "500: Internal Server Error", typeof(DeliveryResult.RetryAfter))]
    [InlineData(502, 0, "502: Bad Gateway", typeof(DeliveryResult.RetryAfter))]
    [InlineData(400, 50035, "Invalid Form Body", typeof(DeliveryResult.Undeliverable))]
    public async Task Discords_errors_map_to_delivery_results_as_the_fact_sheet_says(int status, int code, string message, Type expected)
    {
        // Arrange
        await using var bot = await StartAsync();
        var channel = ChannelId(1);
        bot.Server.FailNext(channel, status, code, message);

        // Act
        var result = await bot.Channels.SendAsync(Channel(channel), Alert(), Key(), CancellationToken.None);

        // Assert
        Assert.IsType(expected, result);
        if (result is DeliveryResult.Rejected rejected)
        {
            Assert.Contains(code.ToString(CultureInfo.InvariantCulture), rejected.Reason, StringComparison.Ordinal);
        }

        if (result is DeliveryResult.RetryAfter retry)
        {
            Assert.Equal(DiscordOutcome.ServerErrorRetry, retry.Delay);
        }

        Assert.Empty(bot.Server.Messages(channel));
        Assert.False(bot.Auth.IsStopped);
    }

    [Fact]
    public async Task A_401_stops_every_channel_call_before_it_reaches_discord()
    {
        // Arrange
        await using var bot = await StartAsync();
        var channel = ChannelId(1);
        bot.Server.FailNext(channel, 401, 0, "401: Unauthorized");
        var other = Channel(ChannelId(2));

        // Act
        var refused = await bot.Channels.SendAsync(Channel(channel), Alert(), Key(), CancellationToken.None);
        var results = new[]
        {
            await bot.Channels.SendAsync(other, Alert(), Key(), CancellationToken.None),
            await bot.Channels.EditAsync(other, "1400000000000000001", Alert(), CancellationToken.None),
            await bot.Channels.ReplyAsync(other, "1400000000000000001", Alert(), Key(), CancellationToken.None),
            await bot.Channels.SendDigestAsync(other, new Answer("Digest", [new AnswerBlock.Paragraph("x")]), Key(), CancellationToken.None),
        };

        // Assert
        Assert.Equal(DiscordAuthState.RetryAfter, Assert.IsType<DeliveryResult.RetryAfter>(refused).Delay);
        Assert.True(bot.Auth.IsStopped);
        Assert.All(results, result => Assert.Equal(DiscordAuthState.RetryAfter, Assert.IsType<DeliveryResult.RetryAfter>(result).Delay));
        Assert.Equal(1, bot.Server.ReceivedCount);
    }

    [Fact]
    public async Task Without_a_bot_token_the_sender_rejects_saying_what_to_set_and_sends_nothing()
    {
        // Arrange
        await using var bot = await StartAsync(new Dictionary<string, string?> { ["Discord:BotToken"] = "" });
        var target = Channel(ChannelId(1));

        // Act
        var results = new[]
        {
            await bot.Channels.SendAsync(target, Alert(), Key(), CancellationToken.None),
            await bot.Channels.EditAsync(target, "1400000000000000001", Alert(), CancellationToken.None),
            await bot.Channels.ReplyAsync(target, "1400000000000000001", Alert(), Key(), CancellationToken.None),
            await bot.Channels.SendDigestAsync(target, new Answer("Digest", [new AnswerBlock.Paragraph("x")]), Key(), CancellationToken.None),
        };

        // Assert
        Assert.False(bot.Options.IsEnabled);
        Assert.All(results, result => Assert.Contains("Discord:BotToken", Assert.IsType<DeliveryResult.Rejected>(result).Reason, StringComparison.Ordinal));
        Assert.Equal(0, bot.Server.ReceivedCount);
    }
}
