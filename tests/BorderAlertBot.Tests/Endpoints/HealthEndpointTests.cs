using System.Net;
using System.Text.Json;
using BorderAlertBot.Tests.Support;
using BorderAlertBot.Workers;

namespace BorderAlertBot.Tests.Endpoints;

/// <summary><c>/healthz</c> and <c>/readyz</c> as a supervisor or a load balancer sees them.</summary>
public sealed class HealthEndpointTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly BotData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Readyz_is_200_once_the_store_is_migrated_and_discord_and_slack_have_accepted_the_tokens()
    {
        // Arrange
        await using var bot = await PlatformsBot.StartAsync(_data.DatabasePath);

        // Act
        var (status, body) = await ReadyWhenAsync(bot, (_, report) => report.GetProperty("status").GetString() == "ready");

        // Assert: each check named, and the platforms were asked with the calls that prove the token.
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ok", body.GetProperty("checks").GetProperty("store").GetString());
        Assert.Equal("ok", body.GetProperty("checks").GetProperty("discord").GetString());
        Assert.Equal("ok", body.GetProperty("checks").GetProperty("slack").GetString());
        Assert.Contains(bot.Discord.Received, request => request.Method == "GET" && request.PathAndQuery.EndsWith("/users/@me", StringComparison.Ordinal) && request.Status == 200);
        Assert.Contains(bot.Slack.Received, request => request.Path.EndsWith("/auth.test", StringComparison.Ordinal));
        var (alive, _) = await bot.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/healthz"));
        Assert.Equal(HttpStatusCode.OK, alive);
    }

    [Fact]
    public async Task Readyz_is_503_naming_discord_when_discord_refuses_the_token_and_shows_no_token()
    {
        // Arrange: a token Discord does not know.
        await using var bot = await PlatformsBot.StartAsync(_data.DatabasePath, discordToken: "revoked-discord-token-SECRET");

        // Act
        var (status, body) = await ReadyWhenAsync(bot, (_, report) => report.GetProperty("checks").GetProperty("discord").GetString()!.StartsWith("credentials refused", StringComparison.Ordinal));

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("not ready", body.GetProperty("status").GetString());
        Assert.StartsWith("credentials refused: 401", body.GetProperty("checks").GetProperty("discord").GetString(), StringComparison.Ordinal);
        Assert.Equal("ok", body.GetProperty("checks").GetProperty("store").GetString());
        Assert.DoesNotContain("SECRET", body.GetRawText(), StringComparison.Ordinal);
        Assert.Single(bot.Discord.Received, request => request.PathAndQuery.EndsWith("/users/@me", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Readyz_waits_for_a_platform_that_refuses_connections_and_turns_ready_when_it_answers()
    {
        // Arrange: Slack's address refuses connections.
        await using var bot = await PlatformsBot.StartAsync(_data.DatabasePath, gates: true);
        var slackGate = bot.SlackGate!; // Asked for.
        slackGate.Close();

        // Act: not ready while Slack cannot be reached...
        var (down, waiting) = await ReadyWhenAsync(bot, (_, report) => report.GetProperty("checks").GetProperty("slack").GetString()!.StartsWith("not reachable yet", StringComparison.Ordinal)
            && report.GetProperty("checks").GetProperty("discord").GetString() == "ok");
        slackGate.Reopen();
        var (up, ready) = await ReadyWhenAsync(bot, (_, report) => report.GetProperty("status").GetString() == "ready",
            between: () => bot.Bot.Time.Advance(CredentialCheckWorker.FirstRetry));

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down);
        Assert.Contains("ConnectionError", waiting.GetProperty("checks").GetProperty("slack").GetString(), StringComparison.Ordinal);
        Assert.Equal("ok", waiting.GetProperty("checks").GetProperty("discord").GetString());
        Assert.Equal(HttpStatusCode.OK, up);
        Assert.Equal("ok", ready.GetProperty("checks").GetProperty("slack").GetString());
    }

    /// <summary>Asks <c>/readyz</c> until <paramref name="condition"/> holds (the checks run in the background at start).</summary>
    /// <param name="between">Done between two asks (moving the clock on, so a retry falls due).</param>
    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadyWhenAsync(PlatformsBot bot, Func<HttpStatusCode, JsonElement, bool> condition, Action? between = null)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (true)
        {
            var (status, body) = await bot.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/readyz"));
            Assert.NotNull(body);
            if (condition(status, body.Value))
            {
                return (status, body.Value);
            }

            between?.Invoke();
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, deadline.Token);
        }
    }
}
