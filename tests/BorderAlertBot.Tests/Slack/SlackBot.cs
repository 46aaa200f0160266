using System.Net;
using System.Text;
using System.Text.Json;
using BorderAlertBot.Testing.FakeSlack;
using BorderAlertBot.Tests.Support;

namespace BorderAlertBot.Tests.Slack;

/// <summary>
/// The whole bot in memory with Slack configured against a fake Slack server on loopback: the bot's Web API calls and
/// follow-ups go to the fake over real HTTP; slash commands and button presses are signed with the test's signing secret
/// and posted to the bot's Request URLs (or, with Socket Mode, pushed by the fake over its WebSocket). Bot and fake share
/// one <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider"/>, so rate-limit windows and signatures agree.
/// </summary>
public sealed class SlackBot : IAsyncDisposable
{
    public const string Token = "xoxb-1-test-bot-token";
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    public const string ChannelId = "C0ALERTS1";
    public const string AdminId = "U0ADMIN01";
    public const string MemberId = "U0JDOE001";

    private HttpClient? _client;

    private SlackBot(BotFactory bot, FakeSlackServer fake)
    {
        Bot = bot;
        Fake = fake;
        Signer = new SlackRequestSigner(SigningSecret, bot.Time);
    }

    public BotFactory Bot { get; }

    public FakeSlackServer Fake { get; }

    public SlackRequestSigner Signer { get; }

    public HttpClient Client => _client ??= Bot.CreateClient();

    /// <summary>A bot on <paramref name="databasePath"/> (the sample scenario off unless asked) talking to a fresh fake; an admin and a member exist in the workspace.</summary>
    public static async Task<SlackBot> StartAsync(string databasePath, bool withSample = false, bool socketMode = false, Action<Dictionary<string, string?>>? settings = null)
    {
        var bot = new BotFactory(databasePath);
        var fake = await FakeSlackServer.StartAsync(new FakeSlackOptions { BotToken = Token, TimeProvider = bot.Time });
        fake.AddUser(new FakeSlackUser(AdminId, IsAdmin: true));
        fake.AddUser(new FakeSlackUser(MemberId));
        bot.Settings["Sample:LoadIntoEmptyStore"] = withSample ? "true" : "false";
        bot.Settings["Slack:BotToken"] = Token;
        bot.Settings["Slack:SigningSecret"] = SigningSecret;
        bot.Settings["Slack:ApiBaseUrl"] = fake.ApiBaseUrl.ToString();
        if (socketMode)
        {
            bot.Settings["Slack:AppToken"] = fake.Options.AppToken;
        }

        settings?.Invoke(bot.Settings);
        return new SlackBot(bot, fake);
    }

    /// <summary>A slash command typed in the test channel, with a response URL the fake records.</summary>
    public SlackSlashCommand Command(string text, string userId = AdminId) => new()
    {
        TeamId = Fake.Options.TeamId,
        ChannelId = ChannelId,
        UserId = userId,
        UserName = userId.ToLowerInvariant(),
        Command = "/border",
        Text = text,
        ResponseUrl = Fake.NewResponseUrl(ChannelId).ToString(),
    };

    /// <summary>A button pressed on a message in the test channel.</summary>
    public SlackBlockActions Button(string actionId, string value, string messageTs, string userId = MemberId) => new()
    {
        TeamId = Fake.Options.TeamId,
        ChannelId = ChannelId,
        UserId = userId,
        UserName = userId.ToLowerInvariant(),
        ActionId = actionId,
        Value = value,
        MessageTs = messageTs,
        ResponseUrl = Fake.NewResponseUrl(ChannelId, messageTs).ToString(),
    };

    /// <summary>Signs and posts a slash command to <c>/slack/commands</c>; the status and the JSON answer, if any.</summary>
    public Task<(HttpStatusCode Status, JsonElement? Body)> PostCommandAsync(SlackSlashCommand command) => PostAsync("/slack/commands", command.ToFormBody());

    /// <summary>Signs and posts a button press to <c>/slack/interactivity</c>.</summary>
    public Task<(HttpStatusCode Status, JsonElement? Body)> PostButtonAsync(SlackBlockActions actions) => PostAsync("/slack/interactivity", actions.ToFormBody());

    public async Task<(HttpStatusCode Status, JsonElement? Body)> PostAsync(string path, string body, string? timestamp = null, bool sign = true)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(SlackRequestSigner.FormContentType);
        if (sign)
        {
            Signer.Sign(request, bytes, timestamp);
        }

        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 && response.Content.Headers.ContentType?.MediaType == "application/json" ? JsonDocument.Parse(text).RootElement.Clone() : null);
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        await Bot.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
