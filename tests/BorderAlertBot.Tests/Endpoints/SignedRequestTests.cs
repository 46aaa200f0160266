using System.Net;
using System.Text;
using BorderAlertBot.Testing.FakeSlack;
using BorderAlertBot.Tests.Discord;
using BorderAlertBot.Tests.Support;

namespace BorderAlertBot.Tests.Endpoints;

/// <summary>Hostile requests to the platform endpoints: replays, malformed bodies that verify, and what a 400 says.</summary>
public sealed class SignedRequestTests : IDisposable
{
    private readonly BotData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_signed_interaction_sent_again_is_refused_as_a_replay_whatever_the_case_of_its_signature()
    {
        // Arrange: one genuine interaction, captured with its headers.
        await using var bot = await PlatformsBot.StartAsync(_data.DatabasePath);
        var body = Interactions.Command("latest", PlatformsBot.AdminPermissions).ToJsonString();
        var stamp = Testing.FakeDiscord.InteractionSigner.Timestamp(bot.Bot.Time);
        var signature = bot.DiscordSigner.Sign(stamp, body);

        // Act
        var first = await PostInteractionAsync(bot, body, stamp, signature);
        var again = await PostInteractionAsync(bot, body, stamp, signature);
        var upper = await PostInteractionAsync(bot, body, stamp, signature.ToUpperInvariant());

        // Assert
        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.Unauthorized, again);
        Assert.Equal(HttpStatusCode.Unauthorized, upper);
        Assert.Contains(bot.Logs.Lines, line => line.Contains("its signature is Replayed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_signed_slash_command_sent_again_is_refused_as_a_replay_and_runs_once()
    {
        // Arrange
        await using var bot = await PlatformsBot.StartAsync(_data.DatabasePath);
        var body = Command(bot, "subscribe kinds:clash").ToFormBody();
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = bot.SlackSigner.Now();

        // Act
        var first = await PostSlackAsync(bot, "/slack/commands", bytes, request => bot.SlackSigner.Sign(request, bytes, timestamp));
        var again = await PostSlackAsync(bot, "/slack/commands", bytes, request => bot.SlackSigner.Sign(request, bytes, timestamp));

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, again.Status);
        Assert.Empty(again.Text);
    }

    [Theory]
    [InlineData("/slack/commands", "%%%&&&===&text=%ZZ")]
    [InlineData("/slack/commands", "channel_id=C0ALERTS1&text=help")]
    [InlineData("/slack/interactivity", "payload=%7B%22type%22%3A%22block_actions%22%2C")]
    [InlineData("/slack/interactivity", "nothing=here")]
    public async Task A_malformed_slack_body_that_verifies_gets_400_without_internals(string path, string body)
    {
        await using var bot = await PlatformsBot.StartAsync(_data.DatabasePath);
        var bytes = Encoding.UTF8.GetBytes(body);

        var (status, text) = await PostSlackAsync(bot, path, bytes, request => bot.SlackSigner.Sign(request, bytes));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertNoInternals(text);
    }

    [Fact]
    public async Task A_button_press_whose_json_escapes_a_lone_surrogate_is_answered_not_a_server_error()
    {
        // Arrange: found by the long fuzz — System.Text.Json will not decode "\ud800" into a string.
        await using var bot = await PlatformsBot.StartAsync(_data.DatabasePath);
        var payload = $$"""{"type":"block_actions","team":{"id":"T0FAKE001"},"channel":{"id":"{{PlatformsBot.SlackChannelId}}"},"user":{"id":"U\ud800"},"actions":[{"action_id":"why","value":"evt_\ud800"}],"response_url":"{{bot.Slack.NewResponseUrl(PlatformsBot.SlackChannelId)}}"}""";
        var bytes = Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(payload));

        // Act
        var (status, text) = await PostSlackAsync(bot, "/slack/interactivity", bytes, request => bot.SlackSigner.Sign(request, bytes));

        // Assert
        Assert.True((int)status < 500, $"{status}: {text}");
        AssertNoInternals(text);
    }

    [Theory]
    [InlineData("\u0000\u0001\u0002 not json")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"type\": 2, \"data\": {\"options\": \"not a list\"}}")]
    [InlineData("{\"type\": 99999999999999999999}")]
    public async Task A_malformed_interaction_that_verifies_gets_a_4xx_or_a_private_refusal_without_internals(string body)
    {
        await using var bot = await PlatformsBot.StartAsync(_data.DatabasePath);

        var (status, answer) = await bot.PostInteractionAsync(body);

        Assert.True(status is HttpStatusCode.BadRequest or HttpStatusCode.OK, $"{status}");
        AssertNoInternals(answer?.GetRawText() ?? string.Empty);
    }

    private static SlackSlashCommand Command(PlatformsBot bot, string text) => new()
    {
        TeamId = bot.Slack.Options.TeamId,
        ChannelId = PlatformsBot.SlackChannelId,
        UserId = PlatformsBot.SlackAdminId,
        UserName = "admin",
        Command = "/border",
        Text = text,
        ResponseUrl = bot.Slack.NewResponseUrl(PlatformsBot.SlackChannelId).ToString(),
    };

    private static void AssertNoInternals(string text)
    {
        foreach (var internals in new[] { "Exception", "   at ", "BorderAlertBot.", "System.", ".cs:line" })
        {
            Assert.DoesNotContain(internals, text, StringComparison.Ordinal);
        }
    }

    private static async Task<HttpStatusCode> PostInteractionAsync(PlatformsBot bot, string body, string stamp, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("X-Signature-Ed25519", signature);
        request.Headers.TryAddWithoutValidation("X-Signature-Timestamp", stamp);
        return (await bot.SendAsync(request)).Status;
    }

    private static async Task<(HttpStatusCode Status, string Text)> PostSlackAsync(PlatformsBot bot, string path, byte[] body, Action<HttpRequestMessage> sign)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(SlackRequestSigner.FormContentType);
        sign(request);
        using var response = await bot.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
