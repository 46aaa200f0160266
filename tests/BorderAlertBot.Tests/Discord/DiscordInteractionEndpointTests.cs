using System.Net;
using System.Text;
using BorderAlertBot.Testing.FakeDiscord;
using BorderAlertBot.Tests.Support;

namespace BorderAlertBot.Tests.Discord;

/// <summary><c>POST /discord/interactions</c>: signatures over the raw body, PING, and what a bad request gets.</summary>
public sealed class DiscordInteractionEndpointTests : IDisposable
{
    private readonly BotData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_signed_ping_is_answered_with_pong()
    {
        await using var discord = await DiscordBot.StartAsync(_data.DatabasePath);

        var (status, body) = await discord.PostAsync(Interactions.Ping());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body!.Value.GetProperty("type").GetInt32());
    }

    [Fact]
    public async Task A_forged_signature_is_refused_with_401()
    {
        await using var discord = await DiscordBot.StartAsync(_data.DatabasePath);
        var body = Encoding.UTF8.GetBytes(Interactions.Ping().ToJsonString());
        var stamp = InteractionSigner.Timestamp(discord.Bot.Time);
        var otherKey = new InteractionSigner();

        var (status, _) = await discord.PostRawAsync(body, stamp, otherKey.Sign(stamp, body));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_refused_with_401()
    {
        // Arrange: the same JSON, re-serialised with other spacing, no longer matches the signature of the bytes sent.
        await using var discord = await DiscordBot.StartAsync(_data.DatabasePath);
        var original = Interactions.Ping().ToJsonString();
        var stamp = InteractionSigner.Timestamp(discord.Bot.Time);
        var signature = discord.Signer.Sign(stamp, original);

        // Act
        var (status, _) = await discord.PostRawAsync(Encoding.UTF8.GetBytes(original.Replace(",", ", ", StringComparison.Ordinal)), stamp, signature);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task A_signature_older_than_five_minutes_is_refused_as_a_replay()
    {
        await using var discord = await DiscordBot.StartAsync(_data.DatabasePath);

        var (status, _) = await discord.PostAsync(Interactions.Ping(), InteractionSigner.Timestamp(discord.Bot.Time.GetUtcNow().AddMinutes(-6)));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task A_request_without_signature_headers_is_refused_with_401()
    {
        await using var discord = await DiscordBot.StartAsync(_data.DatabasePath);

        var (status, _) = await discord.PostRawAsync(Encoding.UTF8.GetBytes(Interactions.Ping().ToJsonString()), timestamp: null, signature: null);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task A_body_over_64_KB_is_refused_with_413_before_anything_is_read()
    {
        await using var discord = await DiscordBot.StartAsync(_data.DatabasePath);
        var body = new byte[(64 * 1024) + 1];

        var (status, _) = await discord.PostRawAsync(body, "1", "00");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    [Fact]
    public async Task A_signed_body_that_is_not_an_interaction_gets_400_without_internals()
    {
        await using var discord = await DiscordBot.StartAsync(_data.DatabasePath);
        var stamp = InteractionSigner.Timestamp(discord.Bot.Time);
        const string Body = "{\"type\": \"not a number\"";

        var (status, body) = await discord.PostRawAsync(Encoding.UTF8.GetBytes(Body), stamp, discord.Signer.Sign(stamp, Body));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("the body is not an interaction", body!.Value.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Without_a_public_key_the_endpoint_is_not_there()
    {
        await using var discord = await DiscordBot.StartAsync(_data.DatabasePath, settings: settings => settings["Discord:PublicKey"] = string.Empty);

        var (status, _) = await discord.PostAsync(Interactions.Ping());

        Assert.Equal(HttpStatusCode.NotFound, status);
    }
}
