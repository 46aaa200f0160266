using BorderAlertBot.Cli;
using BorderAlertBot.Tests.Support;

namespace BorderAlertBot.Tests.Cli;

/// <summary><c>health [--ready]</c>, the container's health check: the running bot asked over HTTP, the answer as the exit code.</summary>
public sealed class HealthCommandTests : IDisposable
{
    private readonly BotData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Health_exits_0_while_the_bot_answers_and_ready_exits_1_while_discord_refuses_its_token()
    {
        // Arrange: a bot on a real port, whose Discord token is refused.
        await using var bot = await PlatformsBot.StartAsync(_data.DatabasePath, discordToken: "refused-token", settings: settings => settings["Http:Port"] = "0");
        bot.Bot.UseKestrel();
        bot.Bot.StartServer();
        var port = bot.Client.BaseAddress!.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var cli = new CliRunner(_data.DatabasePath, new Dictionary<string, string?> { ["Http:Address"] = "0.0.0.0", ["Http:Port"] = port });
        await bot.Discord.WhenAsync(fake => fake.Received.Any(request => request.PathAndQuery.EndsWith("/users/@me", StringComparison.Ordinal))).WaitAsync(TimeSpan.FromSeconds(20));

        // Act
        var alive = await cli.RunAsync("health");
        var ready = await cli.RunAsync("health", "--ready");

        // Assert
        Assert.Equal(ExitCodes.Success, alive.ExitCode);
        Assert.StartsWith("200", alive.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failed, ready.ExitCode);
        Assert.StartsWith("503", ready.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_exits_1_when_nothing_answers()
    {
        var result = await new CliRunner(_data.DatabasePath, new Dictionary<string, string?> { ["Http:Port"] = "1" }).RunAsync("health");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("No answer from http://127.0.0.1:1/healthz", result.Error, StringComparison.Ordinal);
    }
}
