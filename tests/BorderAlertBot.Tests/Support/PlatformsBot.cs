using System.Net;
using System.Text;
using System.Text.Json;
using BorderAlertBot.Curation;
using BorderAlertBot.Domain;
using BorderAlertBot.Testing.FakeDiscord;
using BorderAlertBot.Testing.Fakes;
using BorderAlertBot.Testing.FakeSlack;
using BorderAlertBot.Testing.Network;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BorderAlertBot.Tests.Support;

/// <summary>
/// The whole bot in memory with Discord and Slack both configured against their fake servers on loopback, every log line
/// kept (at Trace, whatever the category), and the secrets of both platforms distinct enough to grep for. Bot and fakes
/// share one clock.
/// </summary>
public sealed class PlatformsBot : IAsyncDisposable
{
    public const string DiscordToken = "discord-bot-token-SECRET-7f3a9c";
    public const string DiscordApplicationId = "1300000000000000001";
    public const string DiscordChannelId = "1200000000000000009";
    public const string SlackToken = "xoxb-1-slack-bot-token-SECRET-4e2b";
    public const string SlackAppToken = "xapp-1-A0FAKE001-slack-app-token-SECRET-91d0";
    public const string SlackSigningSecret = "slacksigningSECRET0123456789abcd";
    public const string SlackChannelId = "C0ALERTS1";
    public const string SlackAdminId = "U0ADMIN01";

    /// <summary>Manage Channels (1 &lt;&lt; 4) plus the usual member bits.</summary>
    public const string AdminPermissions = "2248473465835088";

    private HttpClient? _client;

    private PlatformsBot(BotFactory bot, FakeDiscordServer discord, FakeSlackServer slack)
    {
        Bot = bot;
        Discord = discord;
        Slack = slack;
        SlackSigner = new SlackRequestSigner(SlackSigningSecret, bot.Time);
        bot.ConfigureServices = services =>
        {
            services.AddSingleton<ILoggerProvider>(Logs);
            services.Configure<LoggerFilterOptions>(filters =>
            {
                filters.MinLevel = LogLevel.Trace;
                filters.Rules.Clear();
            });
            ConfigureServices?.Invoke(services);
        };
    }

    public BotFactory Bot { get; }

    public FakeDiscordServer Discord { get; }

    public FakeSlackServer Slack { get; }

    public InteractionSigner DiscordSigner { get; } = new();

    public SlackRequestSigner SlackSigner { get; }

    /// <summary>Every log line the bot wrote, at every level.</summary>
    public RecordingLoggerProvider Logs { get; } = new();

    /// <summary>More services to replace, after the harness's own.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    public HttpClient Client => _client ??= Bot.CreateClient();

    /// <summary>A gate the bot reaches Discord through, to refuse its connections; null unless asked for.</summary>
    public TcpGate? DiscordGate { get; private set; }

    /// <summary>A gate the bot reaches Slack through, to refuse its connections; null unless asked for.</summary>
    public TcpGate? SlackGate { get; private set; }

    /// <param name="discordToken">The token the bot is configured with (the fake always expects <see cref="DiscordToken"/>).</param>
    /// <param name="gates">Reach both fakes through a <see cref="TcpGate"/> each, to refuse connections on demand.</param>
    public static async Task<PlatformsBot> StartAsync(string databasePath, string discordToken = DiscordToken, bool gates = false,
        Action<FakeDiscordOptions>? discord = null, Action<Dictionary<string, string?>>? settings = null)
    {
        var bot = new BotFactory(databasePath);
        var discordOptions = new FakeDiscordOptions { BotToken = DiscordToken, ApplicationId = DiscordApplicationId, TimeProvider = bot.Time };
        discord?.Invoke(discordOptions);
        var discordFake = await FakeDiscordServer.StartAsync(discordOptions);
        var slackFake = await FakeSlackServer.StartAsync(new FakeSlackOptions { BotToken = SlackToken, AppToken = SlackAppToken, TimeProvider = bot.Time });
        slackFake.AddUser(new FakeSlackUser(SlackAdminId, IsAdmin: true));
        var harness = new PlatformsBot(bot, discordFake, slackFake);
        if (gates)
        {
            harness.DiscordGate = TcpGate.Open(discordFake.ApiBaseUrl);
            harness.SlackGate = TcpGate.Open(slackFake.ApiBaseUrl);
        }

        bot.Settings["Sample:LoadIntoEmptyStore"] = "false";
        bot.Settings["Discord:BotToken"] = discordToken;
        bot.Settings["Discord:ApplicationId"] = DiscordApplicationId;
        bot.Settings["Discord:PublicKey"] = harness.DiscordSigner.PublicKeyHex;
        bot.Settings["Discord:ApiBaseUrl"] = (harness.DiscordGate?.Rewrite(discordFake.ApiBaseUrl) ?? discordFake.ApiBaseUrl).ToString();
        bot.Settings["Slack:BotToken"] = SlackToken;
        bot.Settings["Slack:SigningSecret"] = SlackSigningSecret;
        bot.Settings["Slack:ApiBaseUrl"] = (harness.SlackGate?.Rewrite(slackFake.ApiBaseUrl) ?? slackFake.ApiBaseUrl).ToString();
        settings?.Invoke(bot.Settings);
        return harness;
    }

    /// <summary>Signs and posts a Discord interaction; the status and the JSON answer, if any.</summary>
    public async Task<(HttpStatusCode Status, JsonElement? Body)> PostInteractionAsync(string body, string? timestamp = null)
    {
        var stamp = timestamp ?? InteractionSigner.Timestamp(Bot.Time);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("X-Signature-Ed25519", DiscordSigner.Sign(stamp, body));
        request.Headers.TryAddWithoutValidation("X-Signature-Timestamp", stamp);
        return await SendAsync(request);
    }

    /// <summary>Signs and posts a Slack request (form-encoded) to <paramref name="path"/>.</summary>
    public async Task<(HttpStatusCode Status, JsonElement? Body)> PostSlackAsync(string path, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(SlackRequestSigner.FormContentType);
        SlackSigner.Sign(request, bytes);
        return await SendAsync(request);
    }

    public async Task<(HttpStatusCode Status, JsonElement? Body)> SendAsync(HttpRequestMessage request)
    {
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 && response.Content.Headers.ContentType?.MediaType == "application/json" ? JsonDocument.Parse(text).RootElement.Clone() : null);
    }

    /// <summary>Imports <paramref name="events"/> through the bot's own importer (so the bot's metrics count them), all new.</summary>
    public async Task ImportAsync(string curator, params ConflictEvent[] events)
    {
        var importer = Bot.Services.GetRequiredService<EventImporter>();
        var records = events.Select((item, index) => new ImportRecord(index, index + 1, 0, item, [], null)).ToList();
        var summary = await importer.ImportAsync(records.ToAsyncEnumerable(), new ImportOptions(DryRun: false, Curator: curator), CancellationToken.None);
        Assert.Equal(events.Length, summary.Added);
    }

    /// <summary>
    /// Moves the clock on by <paramref name="step"/> (retries, limits and delays are on it) until <paramref name="condition"/>
    /// holds, waking early when either fake receives a request; fails after <paramref name="patience"/> of real time.
    /// </summary>
    public async Task AdvanceUntilAsync(Func<bool> condition, TimeSpan step, TimeSpan patience)
    {
        using var deadline = new CancellationTokenSource(patience);
        while (!condition())
        {
            Assert.False(deadline.IsCancellationRequested, "the condition never held");
            Bot.Time.Advance(step);
            await Task.WhenAny(
                Discord.WhenAsync(_ => condition(), deadline.Token),
                Slack.WhenAsync(_ => condition(), deadline.Token),
                Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, CancellationToken.None));
        }
    }

    /// <summary>Moves the clock on by <paramref name="total"/> in steps, giving the bot a moment after each.</summary>
    public async Task AdvanceAsync(TimeSpan total, TimeSpan step)
    {
        for (var passed = TimeSpan.Zero; passed < total; passed += step)
        {
            Bot.Time.Advance(step);
            await Task.Delay(TimeSpan.FromMilliseconds(15), TimeProvider.System);
        }
    }

    /// <summary>Every secret of the session, and the parts of them that would give them away.</summary>
    public static IReadOnlyList<string> Secrets => [DiscordToken, SlackToken, SlackAppToken, SlackSigningSecret, "SECRET"];

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        await Bot.DisposeAsync();
        await Discord.DisposeAsync();
        await Slack.DisposeAsync();
        if (DiscordGate is not null)
        {
            await DiscordGate.DisposeAsync();
        }

        if (SlackGate is not null)
        {
            await SlackGate.DisposeAsync();
        }

        Logs.Dispose();
    }
}
