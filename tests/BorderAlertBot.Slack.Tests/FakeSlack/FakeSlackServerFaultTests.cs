using static BorderAlertBot.Slack.Tests.FakeSlack.FakeSlackHarness;

namespace BorderAlertBot.Slack.Tests.FakeSlack;

public sealed class FakeSlackServerFaultTests
{
    [Theory]
    [InlineData("channel_not_found")]
    [InlineData("not_in_channel")]
    [InlineData("is_archived")]
    [InlineData("invalid_auth")]
    [InlineData("token_revoked")]
    [InlineData("account_inactive")]
    [InlineData("internal_error")]
    [InlineData("fatal_error")]
    public async Task An_error_asked_for_a_channel_is_answered_once_then_posting_works(string error)
    {
        // Arrange
        await using var slack = await StartAsync();
        slack.Server.FailNext(Channel, error);

        // Act
        using var failed = await slack.PostMessageAsync("x");
        using var other = await slack.PostMessageAsync("x", "C0OTHER01");
        using var next = await slack.PostMessageAsync("x");

        // Assert
        await AssertErrorAsync(failed, error);
        Assert.Equal(200, (int)other.StatusCode);
        Assert.True((await ReadJsonAsync(next)).GetProperty("ok").GetBoolean());
        Assert.Equal(error, slack.Server.Received[0].Error);
        Assert.Single(slack.Server.Messages(Channel));
    }

    [Fact]
    public async Task An_error_asked_for_a_method_hits_only_that_method()
    {
        // Arrange
        await using var slack = await StartAsync();
        var ts = await slack.PostOkAsync("x");
        slack.Server.FailNext("chat.update", "internal_error", times: 2);

        // Act
        using var post = await slack.PostMessageAsync("y");
        using var update1 = await slack.CallAsync("chat.update", $$"""{"channel":"C0ALERTS1","ts":"{{ts}}","text":"z"}""");
        using var update2 = await slack.CallAsync("chat.update", $$"""{"channel":"C0ALERTS1","ts":"{{ts}}","text":"z"}""");
        using var update3 = await slack.CallAsync("chat.update", $$"""{"channel":"C0ALERTS1","ts":"{{ts}}","text":"z"}""");

        // Assert
        Assert.True((await ReadJsonAsync(post)).GetProperty("ok").GetBoolean());
        await AssertErrorAsync(update1, "internal_error");
        await AssertErrorAsync(update2, "internal_error");
        Assert.True((await ReadJsonAsync(update3)).GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task A_status_asked_for_is_answered_as_an_outage()
    {
        // Arrange
        await using var slack = await StartAsync();
        slack.Server.FailNextWithStatus("*", 503);

        // Act
        using var response = await slack.PostMessageAsync("x");

        // Assert
        Assert.Equal(503, (int)response.StatusCode);
        Assert.Empty(slack.Server.Messages(Channel));
    }

    [Fact]
    public async Task A_rate_limit_asked_for_carries_its_retry_after_and_is_counted_as_on_demand()
    {
        // Arrange
        await using var slack = await StartAsync();
        slack.Server.FailNextRateLimited("chat.postMessage", TimeSpan.FromSeconds(30));

        // Act
        using var response = await slack.PostMessageAsync("x");

        // Assert
        await AssertErrorAsync(response, "ratelimited", 429);
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
        Assert.Equal(1, slack.Server.TooManyRequestsByKind[Testing.FakeSlack.FakeSlackLimitKind.OnDemand]);
    }

    [Fact]
    public async Task A_delay_holds_the_answer_until_the_clock_moves_but_the_message_is_already_stored()
    {
        // Arrange
        await using var slack = await StartAsync();
        slack.Server.Delay(Channel, TimeSpan.FromSeconds(5));

        // Act
        var pending = slack.PostMessageAsync("slow");
        await slack.Server.WhenAsync(s => s.Messages(Channel).Count == 1, Soon);
        var isEarly = pending.IsCompleted;
        slack.Time.Advance(TimeSpan.FromSeconds(5));
        using var response = await pending.WaitAsync(Soon);

        // Assert
        Assert.False(isEarly);
        Assert.Equal(200, (int)response.StatusCode);
    }
}
