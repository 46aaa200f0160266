using static BorderAlertBot.Slack.Tests.FakeSlack.FakeSlackHarness;

namespace BorderAlertBot.Slack.Tests.FakeSlack;

public sealed class FakeSlackServerRateLimitTests
{
    [Fact]
    public async Task Posting_past_the_burst_in_one_channel_gets_429_with_retry_after_and_ratelimited()
    {
        // Arrange
        await using var slack = await StartAsync(o => o with { ChannelPostBurst = 2 });
        await slack.PostOkAsync("1");
        await slack.PostOkAsync("2");

        // Act
        using var response = await slack.PostMessageAsync("3");

        // Assert
        await AssertErrorAsync(response, "ratelimited", 429);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        Assert.Equal(1, slack.Server.TooManyRequestsSent);
        Assert.Equal(1, slack.Server.TooManyRequestsByKind[Testing.FakeSlack.FakeSlackLimitKind.Channel]);
        Assert.Equal(2, slack.Server.Messages(Channel).Count);
    }

    [Fact]
    public async Task A_channel_regains_one_message_per_second()
    {
        // Arrange
        await using var slack = await StartAsync(o => o with { ChannelPostBurst = 1 });
        await slack.PostOkAsync("1");

        // Act
        slack.Time.Advance(TimeSpan.FromSeconds(1));
        using var allowed = await slack.PostMessageAsync("2");
        using var refused = await slack.PostMessageAsync("3");

        // Assert
        Assert.Equal(200, (int)allowed.StatusCode);
        Assert.Equal(429, (int)refused.StatusCode);
    }

    [Fact]
    public async Task Another_channel_is_not_held_back_by_a_busy_one()
    {
        // Arrange
        await using var slack = await StartAsync(o => o with { ChannelPostBurst = 1 });
        await slack.PostOkAsync("1");

        // Act
        using var other = await slack.PostMessageAsync("1", "C0OTHER01");

        // Assert
        Assert.Equal(200, (int)other.StatusCode);
    }

    [Fact]
    public async Task The_workspace_cap_per_minute_applies_across_channels()
    {
        // Arrange
        await using var slack = await StartAsync(o => o with { WorkspacePostsPerMinute = 2 });
        await slack.PostOkAsync("1", "C0A000001");
        await slack.PostOkAsync("2", "C0A000002");

        // Act
        using var response = await slack.PostMessageAsync("3", "C0A000003");

        // Assert
        await AssertErrorAsync(response, "ratelimited", 429);
        Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.RetryAfter?.Delta);
        Assert.Equal(1, slack.Server.TooManyRequestsByKind[Testing.FakeSlack.FakeSlackLimitKind.Workspace]);
    }

    [Fact]
    public async Task A_tiered_method_past_its_calls_per_minute_gets_429_until_the_minute_is_over()
    {
        // Arrange
        await using var slack = await StartAsync(o => o with { Tier3PerMinute = 1 });
        var ts = await slack.PostOkAsync("x");
        using var first = await slack.CallAsync("chat.update", $$"""{"channel":"C0ALERTS1","ts":"{{ts}}","text":"y"}""");
        slack.Time.Advance(TimeSpan.FromSeconds(20));

        // Act
        using var second = await slack.CallAsync("chat.update", $$"""{"channel":"C0ALERTS1","ts":"{{ts}}","text":"z"}""");
        using var otherMethod = await slack.CallFormAsync("users.info", [new("user", "U0NOBODY1")]);
        slack.Time.Advance(TimeSpan.FromSeconds(40));
        using var third = await slack.CallAsync("chat.update", $$"""{"channel":"C0ALERTS1","ts":"{{ts}}","text":"z"}""");

        // Assert
        Assert.Equal(200, (int)first.StatusCode);
        await AssertErrorAsync(second, "ratelimited", 429);
        Assert.Equal(TimeSpan.FromSeconds(40), second.Headers.RetryAfter?.Delta);
        Assert.Equal(200, (int)otherMethod.StatusCode);
        Assert.Equal(200, (int)third.StatusCode);
        Assert.Equal(1, slack.Server.TooManyRequestsByKind[Testing.FakeSlack.FakeSlackLimitKind.MethodTier]);
    }

    [Fact]
    public async Task Connections_open_is_tier_1()
    {
        // Arrange
        await using var slack = await StartAsync(o => o with { Tier1PerMinute = 1 });
        using var first = await slack.CallFormAsync("apps.connections.open", [], AppToken);

        // Act
        using var second = await slack.CallFormAsync("apps.connections.open", [], AppToken);

        // Assert
        Assert.Equal(200, (int)first.StatusCode);
        await AssertErrorAsync(second, "ratelimited", 429);
    }
}
