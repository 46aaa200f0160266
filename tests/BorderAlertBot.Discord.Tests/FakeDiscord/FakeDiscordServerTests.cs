using System.Text;
using System.Text.Json;
using static BorderAlertBot.Discord.Tests.FakeDiscord.FakeDiscordHarness;

namespace BorderAlertBot.Discord.Tests.FakeDiscord;

public sealed class FakeDiscordServerTests
{
    private const string Channel = "1200000000000000010";
    private const string Hello = """{"content":"hello","allowed_mentions":{"parse":[]}}""";

    [Theory]
    [InlineData(null)]
    [InlineData("Bot wrong-token")]
    [InlineData("Bearer fake-bot-token")]
    [InlineData("fake-bot-token")]
    public async Task A_message_without_the_bot_token_is_refused_with_401(string? authorization)
    {
        // Arrange
        await using var discord = await StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, discord.Url($"channels/{Channel}/messages")) { Content = Json(Hello) };
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        // Act
        using var response = await discord.SendAsync(request);

        // Assert
        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("""{"message":"401: Unauthorized","code":0}""", await response.Content.ReadAsStringAsync());
        Assert.Empty(discord.Server.Messages(Channel));
        Assert.Equal(1, discord.Server.InvalidRequests);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0")]
    [InlineData("DiscordBot")]
    [InlineData("DiscordBot (https://example.org, 1.0.0")]
    public async Task A_request_without_a_DiscordBot_user_agent_is_refused_with_403_40333(string? userAgent)
    {
        // Arrange
        await using var discord = await StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, discord.Url($"channels/{Channel}/messages")) { Content = Json(Hello) };
        request.Headers.TryAddWithoutValidation("Authorization", "Bot " + Token);
        if (userAgent is not null)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }

        // Act
        using var response = await discord.SendAsync(request);

        // Assert
        Assert.Equal(403, (int)response.StatusCode);
        Assert.Equal("""{"message":"internal network error","code":40333}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_user_agent_with_extra_text_after_the_DiscordBot_part_is_accepted()
    {
        // Arrange
        await using var discord = await StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, discord.Url($"channels/{Channel}/messages")) { Content = Json(Hello) };
        request.Headers.TryAddWithoutValidation("Authorization", "Bot " + Token);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent + " BorderAlertBot/1.0");

        // Act
        using var response = await discord.SendAsync(request);

        // Assert
        Assert.Equal(200, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("multipart/form-data")]
    public async Task A_body_with_an_unsupported_content_type_is_refused_with_50035(string contentType)
    {
        // Arrange
        await using var discord = await StartAsync();
        var content = new StringContent(Hello, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        // Act
        using var response = await discord.SendAsync(discord.BotRequest(HttpMethod.Post, $"channels/{Channel}/messages", content));

        // Assert
        Assert.Equal("CONTENT_TYPE_INVALID", await AssertInvalidFormBodyAsync(response, ""));
        Assert.Empty(discord.Server.Messages(Channel));
    }

    [Fact]
    public async Task Broken_json_is_refused_with_50109()
    {
        // Arrange
        await using var discord = await StartAsync();

        // Act
        using var response = await discord.PostMessageAsync(Channel, """{"content": "hello""");

        // Assert
        await AssertErrorAsync(response, 400, 50109);
    }

    [Fact]
    public async Task A_path_without_the_api_version_is_not_found()
    {
        // Arrange
        await using var discord = await StartAsync();
        var url = new Uri(discord.Server.ApiBaseUrl.GetLeftPart(UriPartial.Authority) + $"/api/channels/{Channel}/messages");

        // Act
        using var response = await discord.SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = Json(Hello) });

        // Assert
        Assert.Equal(404, (int)response.StatusCode);
        Assert.Null(Assert.Single(discord.Server.Received).Route);
    }

    [Fact]
    public async Task A_method_the_route_does_not_take_gets_405()
    {
        // Arrange
        await using var discord = await StartAsync();

        // Act
        using var response = await discord.BotAsync(HttpMethod.Delete, $"applications/{AppId}/commands");

        // Assert
        await AssertErrorAsync(response, 405, 0);
    }

    [Fact]
    public async Task A_created_message_is_returned_with_a_snowflake_id_and_stored()
    {
        // Arrange
        await using var discord = await StartAsync();

        // Act
        using var response = await discord.PostMessageAsync(Channel, Hello);

        // Assert
        Assert.Equal(200, (int)response.StatusCode);
        var body = await ReadJsonAsync(response);
        var id = body.GetProperty("id").GetString()!;
        Assert.True(ulong.TryParse(id, out var snowflake));
        Assert.Equal(discord.Time.GetUtcNow().ToUnixTimeMilliseconds(), (long)(snowflake >> 22) + 1420070400000);
        Assert.Equal(Channel, body.GetProperty("channel_id").GetString());
        Assert.Equal("hello", body.GetProperty("content").GetString());
        Assert.Equal("2026-09-01T12:00:00.000000+00:00", body.GetProperty("timestamp").GetString());
        var stored = Assert.Single(discord.Server.Messages(Channel));
        Assert.Equal(id, stored.Id);
        Assert.Equal("""{"parse":[]}""", stored.AllowedMentions?.GetRawText());
        var received = Assert.Single(discord.Server.Received);
        Assert.Equal("POST /channels/{channel_id}/messages", received.Route);
        Assert.Equal(200, received.Status);
        Assert.Equal(UserAgent, received.Header("User-Agent"));
        Assert.Equal("hello", received.Payload?.GetProperty("content").GetString());
    }

    [Fact]
    public async Task A_message_with_nothing_to_show_is_refused_with_50006()
    {
        // Arrange
        await using var discord = await StartAsync();

        // Act
        using var response = await discord.PostMessageAsync(Channel, """{"content":"   ","embeds":[],"allowed_mentions":{"parse":[]}}""");

        // Assert
        await AssertErrorAsync(response, 400, 50006);
    }

    [Fact]
    public async Task Content_is_counted_in_code_points_up_to_2000()
    {
        // Arrange
        await using var discord = await StartAsync();
        var emoji = string.Concat(Enumerable.Repeat("😀", 2000)); // 4000 UTF-16 units.

        // Act
        using var atLimit = await discord.PostMessageAsync(Channel, JsonSerializer.Serialize(new { content = emoji }));
        using var overLimit = await discord.PostMessageAsync(Channel, JsonSerializer.Serialize(new { content = new string('a', 2001) }));

        // Assert
        Assert.Equal(200, (int)atLimit.StatusCode);
        Assert.Equal("BASE_TYPE_MAX_LENGTH", await AssertInvalidFormBodyAsync(overLimit, "content"));
    }

    [Fact]
    public async Task An_edit_replaces_what_it_sends_and_counts_the_edit()
    {
        // Arrange
        await using var discord = await StartAsync();
        using var created = await discord.PostMessageAsync(Channel, """{"content":"first","embeds":[{"title":"kept"}],"allowed_mentions":{"parse":[]}}""");
        var id = (await ReadJsonAsync(created)).GetProperty("id").GetString();
        discord.Time.Advance(TimeSpan.FromSeconds(30));

        // Act
        using var edited = await discord.BotAsync(HttpMethod.Patch, $"channels/{Channel}/messages/{id}", """{"content":"second"}""");

        // Assert
        Assert.Equal(200, (int)edited.StatusCode);
        Assert.Equal("2026-09-01T12:00:30.000000+00:00", (await ReadJsonAsync(edited)).GetProperty("edited_timestamp").GetString());
        var message = Assert.Single(discord.Server.Messages(Channel));
        Assert.Equal("second", message.Content);
        Assert.Equal("kept", message.Embeds[0].GetProperty("title").GetString());
        Assert.Equal(1, message.EditCount);
        Assert.Null(message.AllowedMentions); // The edit did not send it.
    }

    [Fact]
    public async Task Editing_an_unknown_message_gives_404_10008()
    {
        // Arrange
        await using var discord = await StartAsync();

        // Act
        using var response = await discord.BotAsync(HttpMethod.Patch, $"channels/{Channel}/messages/1300000000000009999", """{"content":"x"}""");

        // Assert
        await AssertErrorAsync(response, 404, 10008);
    }

    [Fact]
    public async Task A_reply_to_a_message_that_does_not_exist_is_refused_with_50035()
    {
        // Arrange
        await using var discord = await StartAsync();

        // Act
        using var response = await discord.PostMessageAsync(Channel, """{"content":"update","message_reference":{"message_id":"1300000000000009999"}}""");

        // Assert
        Assert.Equal("REPLIES_UNKNOWN_MESSAGE", await AssertInvalidFormBodyAsync(response, "message_reference"));
    }

    [Theory]
    [InlineData(4, 200)]
    [InlineData(4096, 200)]
    [InlineData(64, 400)]
    [InlineData(2, 400)]
    public async Task Only_the_flags_a_channel_message_may_carry_are_accepted(int flags, int status)
    {
        // Arrange
        await using var discord = await StartAsync();

        // Act
        using var response = await discord.PostMessageAsync(Channel, $$"""{"content":"x","flags":{{flags}}}""");

        // Assert
        Assert.Equal(status, (int)response.StatusCode);
    }
}
