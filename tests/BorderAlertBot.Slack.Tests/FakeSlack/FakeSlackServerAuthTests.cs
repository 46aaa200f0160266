using System.Net.Http.Headers;
using static BorderAlertBot.Slack.Tests.FakeSlack.FakeSlackHarness;

namespace BorderAlertBot.Slack.Tests.FakeSlack;

public sealed class FakeSlackServerAuthTests
{
    private const string Hello = """{"channel":"C0ALERTS1","text":"hello"}""";

    [Fact]
    public async Task A_call_without_a_token_is_refused_with_not_authed()
    {
        // Arrange
        await using var slack = await StartAsync();

        // Act
        using var response = await slack.CallAsync("chat.postMessage", Hello, token: null);

        // Assert
        await AssertErrorAsync(response, "not_authed");
        Assert.Empty(slack.Server.Messages(Channel));
    }

    [Theory]
    [InlineData("xoxb-wrong")]
    [InlineData("")]
    public async Task A_call_with_a_wrong_bearer_token_is_refused_with_invalid_auth(string token)
    {
        // Arrange
        await using var slack = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, slack.Method("chat.postMessage")) { Content = Json(Hello) };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);

        // Act
        using var response = await slack.Http.SendAsync(request);

        // Assert
        await AssertErrorAsync(response, "invalid_auth");
    }

    [Fact]
    public async Task A_json_body_carrying_the_token_without_the_header_is_not_authed()
    {
        // Arrange
        await using var slack = await StartAsync();

        // Act
        using var response = await slack.CallAsync("chat.postMessage", $$"""{"token":"{{Token}}","channel":"C0ALERTS1","text":"hi"}""", token: null);

        // Assert
        await AssertErrorAsync(response, "not_authed");
    }

    [Fact]
    public async Task A_form_body_may_carry_the_token_instead_of_the_header()
    {
        // Arrange
        await using var slack = await StartAsync();

        // Act
        using var response = await slack.CallFormAsync("chat.postMessage", [new("token", Token), new("channel", Channel), new("text", "hi")], token: null);

        // Assert
        Assert.True((await ReadJsonAsync(response)).GetProperty("ok").GetBoolean());
        Assert.Single(slack.Server.Messages(Channel));
    }

    [Fact]
    public async Task The_app_level_token_is_not_allowed_for_bot_methods()
    {
        // Arrange
        await using var slack = await StartAsync();

        // Act
        using var response = await slack.CallAsync("chat.postMessage", Hello, AppToken);

        // Assert
        await AssertErrorAsync(response, "not_allowed_token_type");
    }

    [Fact]
    public async Task Connections_open_demands_the_app_level_token_in_the_header()
    {
        // Arrange
        await using var slack = await StartAsync();

        // Act
        using var withBot = await slack.CallFormAsync("apps.connections.open", [], Token);
        using var inBody = await slack.CallFormAsync("apps.connections.open", [new("token", AppToken)], token: null);
        using var withApp = await slack.CallFormAsync("apps.connections.open", [], AppToken);

        // Assert
        await AssertErrorAsync(withBot, "not_allowed_token_type");
        await AssertErrorAsync(inBody, "not_authed");
        var url = (await ReadJsonAsync(withApp)).GetProperty("url").GetString()!;
        Assert.StartsWith("ws://127.0.0.1:", url, StringComparison.Ordinal);
        Assert.Contains("ticket=", url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_log_never_holds_a_token()
    {
        // Arrange
        await using var slack = await StartAsync();

        // Act
        using var header = await slack.PostMessageAsync("hi");
        using var form = await slack.CallFormAsync("chat.postMessage", [new("token", Token), new("channel", Channel), new("text", "hi")], token: null);
        using var app = await slack.CallFormAsync("apps.connections.open", [], AppToken);

        // Assert
        Assert.Equal(3, slack.Server.ReceivedCount);
        foreach (var request in slack.Server.Received)
        {
            Assert.DoesNotContain("Authorization", request.Headers.Keys, StringComparer.OrdinalIgnoreCase);
            Assert.DoesNotContain(Token, request.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(Token, request.Arguments?.GetRawText() ?? string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain("fakeapptoken", request.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_method_answers_404_unknown_method()
    {
        // Arrange
        await using var slack = await StartAsync();

        // Act
        using var response = await slack.CallAsync("chat.frobnicate", "{}");

        // Assert
        await AssertErrorAsync(response, "unknown_method", 404);
    }

    [Fact]
    public async Task The_api_base_url_ends_in_api_slash_on_loopback()
    {
        // Arrange
        await using var slack = await StartAsync();

        // Act
        var url = slack.Server.ApiBaseUrl;

        // Assert
        Assert.Equal("127.0.0.1", url.Host);
        Assert.EndsWith("/api/", url.AbsoluteUri, StringComparison.Ordinal);
        _ = new AuthenticationHeaderValue("Bearer", Token);
    }
}
