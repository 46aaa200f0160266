using static BorderAlertBot.Discord.Tests.FakeDiscord.FakeDiscordHarness;

namespace BorderAlertBot.Discord.Tests.FakeDiscord;

public sealed class FakeDiscordServerThreadTests
{
    private const string Channel = "1200000000000000010";
    private const string Hello = """{"content":"hello","allowed_mentions":{"parse":[]}}""";

    [Fact]
    public async Task A_thread_started_from_a_message_is_a_channel_that_takes_messages()
    {
        // Arrange
        await using var discord = await StartAsync();
        using var created = await discord.PostMessageAsync(Channel, Hello);
        var messageId = (await ReadJsonAsync(created)).GetProperty("id").GetString()!;

        // Act
        using var started = await discord.BotAsync(HttpMethod.Post, $"channels/{Channel}/messages/{messageId}/threads", """{"name":"Updates","auto_archive_duration":1440}""");
        var thread = await ReadJsonAsync(started);
        using var inThread = await discord.PostMessageAsync(thread.GetProperty("id").GetString()!, """{"content":"update 1"}""");

        // Assert
        Assert.Equal(201, (int)started.StatusCode);
        Assert.Equal(11, thread.GetProperty("type").GetInt32());
        Assert.Equal(Channel, thread.GetProperty("parent_id").GetString());
        Assert.Equal("Updates", thread.GetProperty("name").GetString());
        Assert.Equal(messageId, thread.GetProperty("id").GetString()); // Discord gives the thread its message's id.
        Assert.Equal(200, (int)inThread.StatusCode);
        Assert.Equal("update 1", Assert.Single(discord.Server.Messages(messageId)).Content);
        var recorded = Assert.Single(discord.Server.Threads);
        Assert.Equal((messageId, Channel), (recorded.MessageId, recorded.ParentChannelId));
    }

    [Fact]
    public async Task A_second_thread_from_the_same_message_is_refused_with_160004()
    {
        // Arrange
        await using var discord = await StartAsync();
        using var created = await discord.PostMessageAsync(Channel, Hello);
        var messageId = (await ReadJsonAsync(created)).GetProperty("id").GetString();
        using var first = await discord.BotAsync(HttpMethod.Post, $"channels/{Channel}/messages/{messageId}/threads", """{"name":"Updates"}""");

        // Act
        using var second = await discord.BotAsync(HttpMethod.Post, $"channels/{Channel}/messages/{messageId}/threads", """{"name":"Again"}""");

        // Assert
        await AssertErrorAsync(second, 400, 160004);
        Assert.Single(discord.Server.Threads);
    }

    [Theory]
    [InlineData("""{}""", "name")]
    [InlineData("""{"name":""}""", "name")]
    [InlineData("""{"name":"Updates","auto_archive_duration":30}""", "auto_archive_duration")]
    public async Task A_thread_needs_a_name_of_1_to_100_and_a_known_archive_duration(string json, string field)
    {
        // Arrange
        await using var discord = await StartAsync();
        using var created = await discord.PostMessageAsync(Channel, Hello);
        var messageId = (await ReadJsonAsync(created)).GetProperty("id").GetString();

        // Act
        using var response = await discord.BotAsync(HttpMethod.Post, $"channels/{Channel}/messages/{messageId}/threads", json);

        // Assert
        await AssertInvalidFormBodyAsync(response, field);
    }
}
