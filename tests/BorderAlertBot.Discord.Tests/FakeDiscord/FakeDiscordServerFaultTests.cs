using BorderAlertBot.Testing.FakeDiscord;
using static BorderAlertBot.Discord.Tests.FakeDiscord.FakeDiscordHarness;

namespace BorderAlertBot.Discord.Tests.FakeDiscord;

public sealed class FakeDiscordServerFaultTests
{
    private const string Channel = "1200000000000000060";
    private const string Body = """{"content":"x","allowed_mentions":{"parse":[]}}""";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(403, 50013, "Missing Permissions")]
    [InlineData(403, 50001, "Missing Access")]
    [InlineData(404, 10003, "Unknown Channel")]
    [InlineData(401, 40001, "Unauthorized")]
    [InlineData(500, 0, "Internal Server Error")]
    [InlineData(502, 0, "Bad Gateway")]
    public async Task A_scripted_failure_answers_the_next_requests_to_that_channel_and_then_stops(int status, int code, string message)
    {
        // Arrange
        await using var discord = await StartAsync();
        discord.Server.FailNext(Channel, status, code, message, times: 2);

        // Act
        using var first = await discord.PostMessageAsync(Channel, Body);
        using var elsewhere = await discord.PostMessageAsync("1200000000000000061", Body);
        using var second = await discord.PostMessageAsync(Channel, Body);
        using var third = await discord.PostMessageAsync(Channel, Body);

        // Assert
        await AssertErrorAsync(first, status, code);
        Assert.Equal(message, (await ReadJsonAsync(second)).GetProperty("message").GetString());
        Assert.Equal(status, (int)second.StatusCode);
        Assert.Equal(200, (int)elsewhere.StatusCode);
        Assert.Equal(200, (int)third.StatusCode);
        Assert.Single(discord.Server.Messages(Channel));
        Assert.Equal("2", Header(third, "X-RateLimit-Remaining")); // The failures counted against the bucket.
    }

    [Fact]
    public async Task A_scripted_failure_on_a_webhook_id_answers_its_executes()
    {
        // Arrange
        await using var discord = await StartAsync();
        var webhook = discord.Server.AddWebhook(Channel);
        var webhookId = new Uri(webhook).Segments[^2].TrimEnd('/');
        discord.Server.FailNext(webhookId, 404, 10015, "Unknown Webhook");

        // Act
        using var response = await discord.AnonymousAsync(HttpMethod.Post, new Uri(webhook + "?wait=true"), Body);

        // Assert
        await AssertErrorAsync(response, 404, 10015);
        Assert.Empty(discord.Server.Messages(Channel));
    }

    [Fact]
    public async Task A_headerless_429_looks_like_an_ip_ban()
    {
        // Arrange
        await using var discord = await StartAsync();
        discord.Server.FailNextHeaderless429(1);

        // Act
        using var banned = await discord.PostMessageAsync(Channel, Body);
        using var after = await discord.PostMessageAsync(Channel, Body);

        // Assert
        Assert.Equal(429, (int)banned.StatusCode);
        Assert.DoesNotContain(banned.Headers, header => header.Key.StartsWith("X-RateLimit", StringComparison.OrdinalIgnoreCase) || header.Key == "Retry-After");
        var body = await ReadJsonAsync(banned);
        Assert.Equal(0, body.GetProperty("code").GetInt32());
        Assert.StartsWith("You are being blocked from accessing our API temporarily", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(200, (int)after.StatusCode);
        Assert.Equal(1, discord.Server.TooManyRequestsByKind[TooManyRequestsKind.Banned]);
    }

    [Fact]
    public async Task A_hidden_channel_limit_answers_a_shared_429_the_bucket_headers_did_not_predict()
    {
        // Arrange
        await using var discord = await StartAsync();
        discord.Server.HiddenLimit(Channel, 2, TimeSpan.FromSeconds(10));
        using var one = await discord.PostMessageAsync(Channel, Body);
        using var two = await discord.PostMessageAsync(Channel, Body);

        // Act
        using var limited = await discord.PostMessageAsync(Channel, Body);
        discord.Time.Advance(TimeSpan.FromSeconds(10));
        using var later = await discord.PostMessageAsync(Channel, Body);

        // Assert
        Assert.Equal(429, (int)limited.StatusCode);
        Assert.Equal("shared", Header(limited, "X-RateLimit-Scope"));
        Assert.Equal("2", Header(limited, "X-RateLimit-Remaining"));
        Assert.Equal("10", Header(limited, "Retry-After"));
        Assert.Equal(20028, (await ReadJsonAsync(limited)).GetProperty("code").GetInt32());
        Assert.Equal(200, (int)later.StatusCode);
        Assert.Equal(3, discord.Server.Messages(Channel).Count);
        Assert.Equal(0, discord.Server.InvalidRequests); // Shared 429s do not count toward the IP ban.
        Assert.Equal(1, discord.Server.TooManyRequestsByKind[TooManyRequestsKind.Shared]);
    }

    [Fact]
    public async Task A_delayed_channel_answers_only_when_the_clock_has_moved_on_but_has_already_stored_the_message()
    {
        // Arrange
        await using var discord = await StartAsync();
        discord.Server.Delay(Channel, TimeSpan.FromSeconds(3));

        // Act
        var sending = discord.PostMessageAsync(Channel, Body);
        await discord.Server.WhenAsync(server => server.Messages(Channel).Count == 1).WaitAsync(Patience);
        var answeredEarly = sending.IsCompleted;
        discord.Time.Advance(TimeSpan.FromSeconds(3));
        using var response = await sending.WaitAsync(Patience);

        // Assert
        Assert.False(answeredEarly);
        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task WhenAsync_completes_once_a_request_makes_the_condition_hold()
    {
        // Arrange
        await using var discord = await StartAsync();
        var threeMessages = discord.Server.WhenAsync(server => server.Messages(Channel).Count == 3);

        // Act
        for (var i = 0; i < 3; i++)
        {
            Assert.False(threeMessages.IsCompleted);
            using var _ = await discord.PostMessageAsync(Channel, Body);
        }

        // Assert
        await threeMessages.WaitAsync(Patience);
        Assert.Equal(3, discord.Server.Received.Count);
        Assert.Equal([1L, 2L, 3L], discord.Server.Received.Select(request => request.Sequence));
    }
}
