using System.Text.Json;
using BorderAlertBot.Endpoints;
using BorderAlertBot.Slack;

namespace BorderAlertBot.Tests.Slack;

/// <summary>The app manifest in the repository describes the app the bot is: its command, Request URLs and scopes.</summary>
public sealed class SlackManifestTests
{
    [Fact]
    public void The_manifest_names_the_command_the_request_urls_and_the_scopes_the_bot_uses()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "slack-app-manifest.json")));
        var root = manifest.RootElement;

        var command = Assert.Single(root.GetProperty("features").GetProperty("slash_commands").EnumerateArray());
        Assert.Equal("/" + new SlackOptions().CommandName, command.GetProperty("command").GetString());
        Assert.EndsWith(SlackEndpoints.CommandsPath, command.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.EndsWith(SlackEndpoints.InteractivityPath, root.GetProperty("settings").GetProperty("interactivity").GetProperty("request_url").GetString(), StringComparison.Ordinal);
        var scopes = root.GetProperty("oauth_config").GetProperty("scopes").GetProperty("bot").EnumerateArray().Select(scope => scope.GetString()).ToList();
        Assert.Equal(["commands", "chat:write", "chat:write.public", "files:write", "users:read"], scopes);
    }
}
