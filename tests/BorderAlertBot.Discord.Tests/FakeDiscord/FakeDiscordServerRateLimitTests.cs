using System.Globalization;
using BorderAlertBot.Testing.FakeDiscord;
using static BorderAlertBot.Discord.Tests.FakeDiscord.FakeDiscordHarness;

namespace BorderAlertBot.Discord.Tests.FakeDiscord;

public sealed class FakeDiscordServerRateLimitTests
{
    private const string Channel = "1200000000000000050";
    private const string Other = "1200000000000000051";
    private const string Body = """{"content":"x","allowed_mentions":{"parse":[]}}""";

    [Fact]
    public async Task Bucket_headers_count_down_and_the_window_resets_when_the_clock_moves_on()
    {
        // Arrange
        await using var discord = await StartAsync();
        var reset = (discord.Time.GetUtcNow().AddSeconds(5).ToUnixTimeMilliseconds() / 1000.0).ToString("F3", CultureInfo.InvariantCulture);
        var remaining = new List<string>();

        // Act
        for (var i = 0; i < 5; i++)
        {
            using var response = await discord.PostMessageAsync(Channel, Body);
            Assert.Equal(200, (int)response.StatusCode);
            Assert.Equal("5", Header(response, "X-RateLimit-Limit"));
            Assert.Equal(reset, Header(response, "X-RateLimit-Reset"));
            remaining.Add(Header(response, "X-RateLimit-Remaining"));
        }

        discord.Time.Advance(TimeSpan.FromSeconds(2));
        using var limited = await discord.PostMessageAsync(Channel, Body);
        discord.Time.Advance(TimeSpan.FromSeconds(3));
        using var afterReset = await discord.PostMessageAsync(Channel, Body);

        // Assert
        Assert.Equal(["4", "3", "2", "1", "0"], remaining);
        Assert.Equal(429, (int)limited.StatusCode);
        Assert.Equal("3.000", Header(limited, "X-RateLimit-Reset-After"));
        Assert.Equal(200, (int)afterReset.StatusCode);
        Assert.Equal("4", Header(afterReset, "X-RateLimit-Remaining"));
        Assert.Equal("5.000", Header(afterReset, "X-RateLimit-Reset-After"));
        Assert.Equal(6, discord.Server.Messages(Channel).Count);
    }

    [Fact]
    public async Task A_429_carries_discords_body_and_headers_and_stores_nothing()
    {
        // Arrange
        await using var discord = await StartAsync();
        for (var i = 0; i < 5; i++)
        {
            using var _ = await discord.PostMessageAsync(Channel, Body);
        }

        discord.Time.Advance(TimeSpan.FromSeconds(4.5));

        // Act
        using var response = await discord.PostMessageAsync(Channel, Body);

        // Assert
        Assert.Equal(429, (int)response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.Equal("You are being rate limited.", body.GetProperty("message").GetString());
        Assert.Equal(0.5, body.GetProperty("retry_after").GetDouble());
        Assert.False(body.GetProperty("global").GetBoolean());
        Assert.Equal("1", Header(response, "Retry-After"));
        Assert.Equal("user", Header(response, "X-RateLimit-Scope"));
        Assert.Equal("0", Header(response, "X-RateLimit-Remaining"));
        Assert.False(response.Headers.Contains("X-RateLimit-Global"));
        Assert.Equal(5, discord.Server.Messages(Channel).Count);
        Assert.Equal(1, discord.Server.TooManyRequestsSent);
        Assert.Equal(1, discord.Server.TooManyRequestsByKind[TooManyRequestsKind.User]);
        Assert.Equal(1, discord.Server.InvalidRequests);
    }

    [Fact]
    public async Task Each_channel_has_its_own_window_under_the_same_bucket_hash()
    {
        // Arrange
        await using var discord = await StartAsync();
        using var first = await discord.PostMessageAsync(Channel, Body);

        // Act
        using var other = await discord.PostMessageAsync(Other, Body);
        var id = (await ReadJsonAsync(other)).GetProperty("id").GetString();
        using var edit = await discord.BotAsync(HttpMethod.Patch, $"channels/{Other}/messages/{id}", """{"content":"y"}""");

        // Assert
        Assert.Equal("4", Header(other, "X-RateLimit-Remaining"));
        Assert.Equal(Header(first, "X-RateLimit-Bucket"), Header(other, "X-RateLimit-Bucket"));
        Assert.NotEqual(Header(first, "X-RateLimit-Bucket"), Header(edit, "X-RateLimit-Bucket"));
        Assert.Equal("4", Header(edit, "X-RateLimit-Remaining")); // Create and edit do not share a bucket.
    }

    [Fact]
    public async Task A_webhook_allows_five_requests_per_two_seconds()
    {
        // Arrange
        await using var discord = await StartAsync();
        var webhook = new Uri(discord.Server.AddWebhook(Channel));
        for (var i = 0; i < 5; i++)
        {
            using var _ = await discord.AnonymousAsync(HttpMethod.Post, webhook, Body);
        }

        // Act
        using var limited = await discord.AnonymousAsync(HttpMethod.Post, webhook, Body);
        discord.Time.Advance(TimeSpan.FromSeconds(2));
        using var later = await discord.AnonymousAsync(HttpMethod.Post, webhook, Body);

        // Assert
        Assert.Equal(429, (int)limited.StatusCode);
        Assert.Equal("2", Header(limited, "Retry-After"));
        Assert.Equal(204, (int)later.StatusCode);
        Assert.Equal(6, discord.Server.Messages(Channel).Count);
    }

    [Fact]
    public async Task More_than_the_global_limit_in_one_second_is_refused_across_routes_but_webhooks_and_follow_ups_are_exempt()
    {
        // Arrange
        await using var discord = await StartAsync(options => options.GlobalLimit = 3);
        var webhook = new Uri(discord.Server.AddWebhook(Channel));
        for (var i = 0; i < 3; i++)
        {
            using var _ = await discord.PostMessageAsync((1200000000000000100 + i).ToString(CultureInfo.InvariantCulture), Body);
        }

        // Act
        using var limited = await discord.BotAsync(HttpMethod.Get, $"applications/{AppId}/commands");
        using var viaWebhook = await discord.AnonymousAsync(HttpMethod.Post, webhook, Body);
        using var followUp = await discord.AnonymousAsync(HttpMethod.Post, discord.Url($"webhooks/{AppId}/some-token"), Body);
        discord.Time.Advance(TimeSpan.FromSeconds(1));
        using var later = await discord.PostMessageAsync(Channel, Body);

        // Assert
        Assert.Equal(429, (int)limited.StatusCode);
        Assert.True((await ReadJsonAsync(limited)).GetProperty("global").GetBoolean());
        Assert.Equal("true", Header(limited, "X-RateLimit-Global"));
        Assert.Equal("global", Header(limited, "X-RateLimit-Scope"));
        Assert.Equal("1", Header(limited, "Retry-After"));
        Assert.Equal(204, (int)viaWebhook.StatusCode);
        Assert.Equal(200, (int)followUp.StatusCode);
        Assert.Equal(200, (int)later.StatusCode);
        Assert.Equal(1, discord.Server.TooManyRequestsByKind[TooManyRequestsKind.Global]);
    }

    [Fact]
    public async Task Invalid_requests_are_counted_over_a_sliding_ten_minutes()
    {
        // Arrange
        await using var discord = await StartAsync();
        var unauthorized = new HttpRequestMessage(HttpMethod.Post, discord.Url($"channels/{Channel}/messages")) { Content = Json(Body) };
        unauthorized.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        using var first = await discord.SendAsync(unauthorized);
        discord.Time.Advance(TimeSpan.FromMinutes(6));
        using var second = await discord.AnonymousAsync(HttpMethod.Post, discord.Url($"channels/{Channel}/messages"), Body);

        // Act
        var both = discord.Server.InvalidRequests;
        discord.Time.Advance(TimeSpan.FromMinutes(5));
        var one = discord.Server.InvalidRequests;

        // Assert
        Assert.Equal((2, 1), (both, one));
    }
}
