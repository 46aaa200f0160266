using static BorderAlertBot.Discord.Tests.FakeDiscord.FakeDiscordHarness;

namespace BorderAlertBot.Discord.Tests.FakeDiscord;

public sealed class FakeDiscordServerNonceTests
{
    private const string Channel = "1200000000000000010";

    [Fact]
    public async Task A_nonce_longer_than_25_characters_is_refused()
    {
        // Arrange
        await using var discord = await StartAsync();

        // Act
        using var response = await discord.PostMessageAsync(Channel, $$"""{"content":"x","nonce":"{{new string('n', 26)}}","enforce_nonce":true}""");

        // Assert
        Assert.Equal("BASE_TYPE_MAX_LENGTH", await AssertInvalidFormBodyAsync(response, "nonce"));
    }

    [Fact]
    public async Task A_repeated_enforced_nonce_returns_the_first_message_instead_of_posting_again()
    {
        // Arrange
        await using var discord = await StartAsync();
        const string Body = """{"content":"alert","nonce":"alert-7f3a9c","enforce_nonce":true}""";
        using var first = await discord.PostMessageAsync(Channel, Body);

        // Act
        using var repeat = await discord.PostMessageAsync(Channel, Body);

        // Assert
        Assert.Equal(200, (int)repeat.StatusCode);
        Assert.Equal((await ReadJsonAsync(first)).GetProperty("id").GetString(), (await ReadJsonAsync(repeat)).GetProperty("id").GetString());
        Assert.Single(discord.Server.Messages(Channel));
        Assert.Equal(1, discord.Server.NonceHits);
    }

    [Fact]
    public async Task A_nonce_is_forgotten_after_five_minutes_or_when_not_enforced()
    {
        // Arrange
        await using var discord = await StartAsync();
        using var first = await discord.PostMessageAsync(Channel, """{"content":"alert","nonce":"n-1","enforce_nonce":true}""");
        using var unenforced = await discord.PostMessageAsync(Channel, """{"content":"alert","nonce":"n-1"}""");
        discord.Time.Advance(TimeSpan.FromMinutes(5));

        // Act
        using var later = await discord.PostMessageAsync(Channel, """{"content":"alert","nonce":"n-1","enforce_nonce":true}""");

        // Assert
        Assert.Equal(3, discord.Server.Messages(Channel).Count);
        Assert.Equal(0, discord.Server.NonceHits);
    }
}
