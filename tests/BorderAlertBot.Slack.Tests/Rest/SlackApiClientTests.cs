using System.Net;
using BorderAlertBot.Delivery;
using BorderAlertBot.Slack.Delivery;
using BorderAlertBot.Slack.Rest;
using BorderAlertBot.Slack.Wire;
using static BorderAlertBot.Slack.Tests.Support.SlackBotHarness;

namespace BorderAlertBot.Slack.Tests.Rest;

public sealed class SlackApiClientTests
{
    private const string ChannelId = "C0ALERTS1";

    [Fact]
    public async Task A_call_is_a_json_post_to_the_method_with_the_bearer_token()
    {
        // Arrange
        await using var bot = await StartAsync();

        // Act
        var response = await bot.Chat.PostMessageAsync(ChannelId, new SlackMessage("hello", []), threadTs: null, CancellationToken.None);

        // Assert
        Assert.True(response.IsOk);
        Assert.NotNull(response.Text("ts"));
        Assert.Equal(ChannelId, response.Text("channel"));
        var request = Assert.Single(bot.Server.Received);
        Assert.Equal("chat.postMessage", request.ApiMethod);
        Assert.Equal("/api/chat.postMessage", request.Path);
        Assert.Equal("POST", request.HttpMethod);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal(200, request.Status);
    }

    [Fact]
    public async Task A_refused_payload_comes_back_with_slacks_response_metadata_messages()
    {
        // Arrange: a header over 150 characters.
        await using var bot = await StartAsync();
        var message = new SlackMessage("fallback", [new HeaderBlock(TextObject.Plain(new string('x', 200)))]);

        // Act
        var response = await bot.Chat.PostMessageAsync(ChannelId, message, threadTs: null, CancellationToken.None);

        // Assert
        Assert.False(response.IsOk);
        Assert.Equal("invalid_blocks", response.Error);
        Assert.NotEmpty(response.Messages);
        Assert.Equal(SlackErrorClass.Payload, SlackOutcome.ClassOf(response));
        var reason = Assert.IsType<DeliveryResult.Undeliverable>(SlackOutcome.Of(response, _ => string.Empty)).Reason;
        Assert.Contains(response.Messages[0], reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_is_read_with_its_retry_after()
    {
        // Arrange
        await using var bot = await StartAsync();
        bot.Server.FailNextRateLimited("chat.update", TimeSpan.FromSeconds(7));

        // Act
        var response = await bot.Chat.UpdateAsync(ChannelId, "1700000000.000100", new SlackMessage("x", []), CancellationToken.None);

        // Assert
        Assert.Equal(HttpStatusCode.TooManyRequests, response.Status);
        Assert.Equal("ratelimited", response.Error);
        Assert.Equal(TimeSpan.FromSeconds(7), response.RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(7), bot.Limiter.PausedFor(SlackApiClient.Workspace, SlackMethod.ChatUpdate));
    }

    [Fact]
    public async Task An_outage_without_json_is_read_from_its_status()
    {
        // Arrange
        await using var bot = await StartAsync();
        bot.Server.FailNextWithStatus("chat.postMessage", 503);

        // Act
        var response = await bot.Chat.PostMessageAsync(ChannelId, new SlackMessage("x", []), threadTs: null, CancellationToken.None);

        // Assert
        Assert.False(response.IsOk);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.Status);
        Assert.Equal(SlackErrorClass.RetryLater, SlackOutcome.ClassOf(response));
    }

    [Fact]
    public async Task The_token_never_appears_in_logs_results_or_errors_even_when_slack_refuses_it()
    {
        // Arrange
        await using var bot = await StartAsync();
        var url = bot.Server.AddWebhook("C0HOOKED1");
        var results = new List<DeliveryResult>
        {
            await bot.Channels.SendAsync(Channel(ChannelId), Alert(), Key(), CancellationToken.None),
            await bot.Webhooks.SendAsync(Webhook(url), Alert(), Key(), CancellationToken.None),
        };
        bot.Server.FailNext(url.Segments[^2].TrimEnd('/'), "invalid_payload");
        results.Add(await bot.Webhooks.SendAsync(Webhook(url), Alert(), Key(), CancellationToken.None));
        bot.Server.FailNextRateLimited("chat.postMessage", TimeSpan.FromSeconds(1));
        results.Add(await bot.Channels.SendAsync(Channel(ChannelId), Alert(), Key(), CancellationToken.None));
        bot.Time.Advance(TimeSpan.FromSeconds(2));
        bot.Server.FailNext("chat.postMessage", "invalid_auth");

        // Act
        results.Add(await bot.Channels.SendAsync(Channel(ChannelId), Alert(), Key(), CancellationToken.None));
        results.Add(await bot.Channels.SendAsync(Channel(ChannelId), Alert(), Key(), CancellationToken.None));

        // Assert
        Assert.NotEmpty(bot.Logs.Lines);
        Assert.Contains(bot.Logs.Lines, line => line.Message.Contains("invalid_auth", StringComparison.Ordinal));
        var secrets = new[] { Token, Token["xoxb-".Length..], url.ToString(), url.Segments[^1] };
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, bot.AllLogs, StringComparison.Ordinal);
            Assert.All(results, result => Assert.DoesNotContain(secret, result.ToString(), StringComparison.Ordinal));
        }
    }
}
