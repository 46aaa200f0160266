using static BorderAlertBot.Discord.Tests.FakeDiscord.FakeDiscordHarness;

namespace BorderAlertBot.Discord.Tests.FakeDiscord;

public sealed class FakeDiscordServerWebhookTests
{
    private const string Channel = "1200000000000000020";
    private const string InteractionToken = "aW50ZXJhY3Rpb246MTQwMTEyMjMzNDQ1NTY2Nzc4ODpyYW5kb20";

    [Fact]
    public async Task A_webhook_executed_with_wait_returns_the_message_without_any_authorization()
    {
        // Arrange
        await using var discord = await StartAsync();
        var webhook = discord.Server.AddWebhook(Channel);

        // Act
        using var response = await discord.AnonymousAsync(HttpMethod.Post, new Uri(webhook + "?wait=true"), """{"content":"via webhook"}""");

        // Assert
        Assert.Equal(200, (int)response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.Equal(Channel, body.GetProperty("channel_id").GetString());
        var message = Assert.Single(discord.Server.Messages(Channel));
        Assert.Equal(body.GetProperty("webhook_id").GetString(), message.WebhookId);
        Assert.StartsWith(discord.Server.ApiBaseUrl + "/webhooks/", webhook, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_webhook_executed_without_wait_answers_204_with_no_body_and_still_stores_the_message()
    {
        // Arrange
        await using var discord = await StartAsync();
        var webhook = discord.Server.AddWebhook(Channel);

        // Act
        using var response = await discord.AnonymousAsync(HttpMethod.Post, new Uri(webhook), """{"content":"fire and forget"}""");

        // Assert
        Assert.Equal(204, (int)response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("fire and forget", Assert.Single(discord.Server.Messages(Channel)).Content);
    }

    [Fact]
    public async Task An_unknown_webhook_gives_404_10015_and_a_wrong_token_401_50027()
    {
        // Arrange
        await using var discord = await StartAsync();
        var webhook = discord.Server.AddWebhook(Channel);
        var wrongToken = new Uri(webhook[..(webhook.LastIndexOf('/') + 1)] + "not-the-token");

        // Act
        using var unknown = await discord.AnonymousAsync(HttpMethod.Post, discord.Url("webhooks/1400000000000000001/token"), """{"content":"x"}""");
        using var wrong = await discord.AnonymousAsync(HttpMethod.Post, wrongToken, """{"content":"x"}""");

        // Assert
        await AssertErrorAsync(unknown, 404, 10015);
        await AssertErrorAsync(wrong, 401, 50027);
        Assert.Empty(discord.Server.Messages(Channel));
    }

    [Fact]
    public async Task A_webhook_message_is_edited_through_the_webhook_but_not_by_the_bot()
    {
        // Arrange
        await using var discord = await StartAsync();
        var webhook = discord.Server.AddWebhook(Channel);
        using var created = await discord.AnonymousAsync(HttpMethod.Post, new Uri(webhook + "?wait=true"), """{"content":"v1"}""");
        var id = (await ReadJsonAsync(created)).GetProperty("id").GetString();

        // Act
        using var edited = await discord.AnonymousAsync(HttpMethod.Patch, new Uri($"{webhook}/messages/{id}"), """{"content":"v2"}""");
        using var byBot = await discord.BotAsync(HttpMethod.Patch, $"channels/{Channel}/messages/{id}", """{"content":"v3"}""");

        // Assert
        Assert.Equal(200, (int)edited.StatusCode);
        await AssertErrorAsync(byBot, 403, 50005);
        var message = Assert.Single(discord.Server.Messages(Channel));
        Assert.Equal(("v2", 1), (message.Content, message.EditCount));
    }

    [Fact]
    public async Task A_webhook_may_not_send_the_ephemeral_flag()
    {
        // Arrange
        await using var discord = await StartAsync();
        var webhook = discord.Server.AddWebhook(Channel);

        // Act
        using var response = await discord.AnonymousAsync(HttpMethod.Post, new Uri(webhook + "?wait=true"), """{"content":"x","flags":64}""");

        // Assert
        await AssertInvalidFormBodyAsync(response, "flags");
    }

    [Fact]
    public async Task An_interaction_original_is_edited_with_multipart_and_follow_ups_are_recorded_per_token()
    {
        // Arrange
        await using var discord = await StartAsync();
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };
        var original = new HttpRequestMessage(HttpMethod.Patch, discord.Url($"webhooks/{AppId}/{InteractionToken}/messages/@original"))
        {
            Content = Multipart("""{"embeds":[{"title":"Chart","image":{"url":"attachment://chart.png"}}],"attachments":[{"id":0}],"allowed_mentions":{"parse":[]}}""", ("chart.png", png)),
        };

        // Act
        using var edited = await discord.SendAsync(original);
        using var followUp = await discord.AnonymousAsync(HttpMethod.Post, discord.Url($"webhooks/{AppId}/{InteractionToken}"), """{"content":"more","flags":64}""");

        // Assert
        Assert.Equal(200, (int)edited.StatusCode);
        Assert.Equal(200, (int)followUp.StatusCode);
        var response = discord.Server.OriginalResponse(InteractionToken);
        Assert.NotNull(response);
        Assert.Equal(png, Assert.Single(response.Attachments).Content.ToArray());
        Assert.Equal(1, response.EditCount);
        var sent = Assert.Single(discord.Server.FollowUps(InteractionToken));
        Assert.Equal(("more", 64), (sent.Content, sent.Flags));
        Assert.Empty(discord.Server.FollowUps("another-token"));
    }

    [Fact]
    public async Task An_interaction_token_stops_working_after_15_minutes()
    {
        // Arrange
        await using var discord = await StartAsync();
        var url = discord.Url($"webhooks/{AppId}/{InteractionToken}/messages/@original");
        using var inTime = await discord.AnonymousAsync(HttpMethod.Patch, url, """{"content":"done"}""");
        discord.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));

        // Act
        using var late = await discord.AnonymousAsync(HttpMethod.Patch, url, """{"content":"too late"}""");

        // Assert
        Assert.Equal(200, (int)inTime.StatusCode);
        await AssertErrorAsync(late, 401, 50027);
        Assert.Equal("done", discord.Server.OriginalResponse(InteractionToken)?.Content);
    }
}
